import { browser } from '$app/environment';
import { error } from '@sveltejs/kit';
import type { Language } from '$lib/i18n/languages';
import { jobListHref, type JobFilters } from './filters';
import { countJobTypes, filterJobs } from './filter-jobs';
import type { Job, JobList, JobType } from './types';

type Fetch = typeof fetch;

/** Where the data came from: the server, or the copy on the device when there is no connection. */
export type Source = 'server' | 'device';

async function getJson<T>(fetch: Fetch, url: string): Promise<T> {
	const response = await fetch(url);
	if (!response.ok) throw new HttpError(response.status);
	return (await response.json()) as T;
}

class HttpError extends Error {
	constructor(readonly status: number) {
		super(`HTTP ${status}`);
	}
}

/** A fetch that failed for want of a connection (not an answer from the server). */
function isOffline(cause: unknown): boolean {
	return browser && !(cause instanceof HttpError);
}

export async function loadJobList(
	fetch: Fetch,
	filters: JobFilters,
	lang: Language
): Promise<{ list: JobList; jobTypes: JobType[]; source: Source }> {
	const query = jobListHref(filters, '/api/jobs');
	const limit = `${query.includes('?') ? '&' : '?'}limit=${filters.limit ?? 20}&lang=${lang}`;
	try {
		const [list, types] = await Promise.all([
			getJson<JobList>(fetch, query + limit),
			getJson<{ jobTypes: JobType[] }>(fetch, `/api/job-types?lang=${lang}`)
		]);
		return { list, jobTypes: types.jobTypes, source: 'server' };
	} catch (cause) {
		if (!isOffline(cause)) throw cause;
		const { localJobs, localJobTypes } = await import('./local-jobs');
		const jobs = await localJobs(lang);
		if (jobs.length === 0) error(503, 'offline');
		return {
			list: filterJobs(jobs, filters),
			jobTypes: countJobTypes(await localJobTypes(lang), jobs),
			source: 'device'
		};
	}
}

export async function loadJob(fetch: Fetch, id: string, lang: Language): Promise<{ job: Job; source: Source }> {
	try {
		return { job: await getJson<Job>(fetch, `/api/jobs/${encodeURIComponent(id)}?lang=${lang}`), source: 'server' };
	} catch (cause) {
		if (cause instanceof HttpError && cause.status === 404) error(404, 'No posting has this id.');
		if (!isOffline(cause)) throw cause;
		const { localJob } = await import('./local-jobs');
		const job = await localJob(id, lang);
		if (!job) error(503, 'offline');
		return { job, source: 'device' };
	}
}

/** The job types with pictures, for the form's "what do you like" question. */
export async function loadJobTypes(fetch: Fetch, lang: Language): Promise<JobType[]> {
	try {
		return (await getJson<{ jobTypes: JobType[] }>(fetch, `/api/job-types?lang=${lang}`)).jobTypes;
	} catch (cause) {
		if (!isOffline(cause)) throw cause;
		const { localJobTypes } = await import('./local-jobs');
		return localJobTypes(lang);
	}
}
