import { browser } from '$app/environment';
import { error, isHttpError } from '@sveltejs/kit';
import type { Language } from '$lib/i18n/languages';
import { answeredFromCopy, COPY_ATTRIBUTE } from '$lib/network/copy';
import { serverOrDevice, type Answer, type Source } from '$lib/network/server-or-device';
import { jobListHref, type JobFilters } from './filters';
import { countJobTypes, filterJobs } from './filter-jobs';
import type { Job, JobList, JobType } from './types';
import type { Region } from './municipalities';

type Fetch = typeof fetch;

export type { Source };

class HttpError extends Error {
	constructor(readonly status: number) {
		super(`HTTP ${status}`);
	}
}

/** The page being started came from the service worker's copy, and so did the data it came with. */
function pageFromCopy(): boolean {
	return browser && document.documentElement.hasAttribute(COPY_ATTRIBUTE);
}

/** The body, and whether it is a copy the service worker gave (or the page it came with). */
async function getJson<T>(fetch: Fetch, url: string, signal?: AbortSignal): Promise<{ body: T; copy: boolean }> {
	const response = await fetch(url, { signal });
	if (!response.ok) throw new HttpError(response.status);
	return { body: (await response.json()) as T, copy: answeredFromCopy(response) || pageFromCopy() };
}

/**
 * In the browser: the server's answer, or within a few seconds the device's copy when
 * there is no connection or the line hangs. On the server: the API's answer.
 */
async function fromServerOrDevice<T>(
	ask: (signal?: AbortSignal) => Promise<Answer<T>>,
	fromDevice: () => Promise<T | undefined>
): Promise<Answer<T> | undefined> {
	if (!browser) return ask();
	return serverOrDevice(ask, fromDevice, (cause) => cause instanceof HttpError || isHttpError(cause));
}

export async function loadJobList(
	fetch: Fetch,
	filters: JobFilters,
	lang: Language
): Promise<{ list: JobList; jobTypes: JobType[]; source: Source; partOf?: Region }> {
	const query = jobListHref(filters, '/api/jobs');
	const limit = `${query.includes('?') ? '&' : '?'}limit=${filters.limit ?? 20}&lang=${lang}`;
	type ListValue = { list: JobList; jobTypes: JobType[]; partOf?: Region };
	const fromDevice = async (): Promise<ListValue | undefined> => {
		const { localJobs, localJobTypes, localCopyRegion } = await import('./local-jobs');
		const jobs = await localJobs(lang);
		if (jobs.length === 0) return undefined;
		// The copy may hold one region only: the page says so.
		const partOf = (await localCopyRegion(lang)) ?? undefined;
		return { list: filterJobs(jobs, filters), jobTypes: countJobTypes(await localJobTypes(lang), jobs), partOf };
	};
	const answer = await fromServerOrDevice<ListValue>(async (signal) => {
		const [list, types] = await Promise.all([
			getJson<JobList>(fetch, query + limit, signal),
			getJson<{ jobTypes: JobType[] }>(fetch, `/api/job-types?lang=${lang}`, signal)
		]);
		// A kept page or answer is a snapshot; the phone's own copy is refreshed by changes, so it wins.
		if (list.copy && browser) {
			const device = await fromDevice();
			if (device) return { value: device, source: 'device' };
		}
		return { value: { list: list.body, jobTypes: types.body.jobTypes }, source: list.copy ? 'device' : 'server' };
	}, fromDevice);
	if (!answer) error(503, 'offline');
	return { ...answer.value, source: answer.source };
}

export async function loadJob(fetch: Fetch, id: string, lang: Language): Promise<{ job: Job; source: Source }> {
	let answer: Answer<Job> | undefined;
	try {
		answer = await fromServerOrDevice(
			async (signal) => {
				const { body, copy } = await getJson<Job>(fetch, `/api/jobs/${encodeURIComponent(id)}?lang=${lang}`, signal);
				return { value: body, source: copy ? 'device' : 'server' };
			},
			async () => (await import('./local-jobs')).localJob(id, lang)
		);
	} catch (cause) {
		if (cause instanceof HttpError && cause.status === 404) error(404, 'No posting has this id.');
		throw cause;
	}
	if (!answer) error(503, 'offline');
	return { job: answer.value, source: answer.source };
}

/** The job types with pictures, for the form's "what do you like" question. */
export async function loadJobTypes(fetch: Fetch, lang: Language): Promise<JobType[]> {
	const answer = await fromServerOrDevice(
		async (signal) => {
			const { body, copy } = await getJson<{ jobTypes: JobType[] }>(fetch, `/api/job-types?lang=${lang}`, signal);
			return { value: body.jobTypes, source: copy ? 'device' : 'server' };
		},
		async () => {
			const jobTypes = await (await import('./local-jobs')).localJobTypes(lang);
			return jobTypes.length > 0 ? jobTypes : undefined;
		}
	);
	// Neither the server nor the device has them: an empty list, not an error page.
	return answer?.value ?? [];
}
