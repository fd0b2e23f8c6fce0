import { localDatabase } from '$lib/outbox/db';
import type { Language } from '$lib/i18n/languages';
import type { Job, JobType } from './types';

/** The device's copy of all live postings in one language. */
export async function localJobs(lang: Language): Promise<Job[]> {
	return localDatabase().postings.where('lang').equals(lang).toArray();
}

export async function localJob(id: string, lang: Language): Promise<Job | undefined> {
	return localDatabase().postings.get([lang, id] as unknown as string);
}

export async function localJobTypes(lang: Language): Promise<JobType[]> {
	return (await localDatabase().jobTypes.get(lang))?.jobTypes ?? [];
}

const REFRESH_AFTER_MS = 10 * 60_000;

/**
 * Fetches every live posting and keeps them on the device, replacing the old copy,
 * so that every posting opens later without a connection. ETags make a repeat cheap.
 */
export async function refreshLocalJobs(lang: Language, fetchImpl: typeof fetch = fetch): Promise<number> {
	// Once in a while is enough: rewriting 270 postings on every page costs a cheap phone.
	const saved = await localDatabase().jobTypes.get(lang);
	if (saved && Date.now() - saved.savedAt < REFRESH_AFTER_MS) return 0;
	const [jobsResponse, typesResponse] = await Promise.all([
		fetchImpl(`/api/jobs?lang=${lang}`),
		fetchImpl(`/api/job-types?lang=${lang}`)
	]);
	if (!jobsResponse.ok || !typesResponse.ok) return 0;
	const { jobs } = (await jobsResponse.json()) as { jobs: Job[] };
	const { jobTypes } = (await typesResponse.json()) as { jobTypes: JobType[] };
	const db = localDatabase();
	// Written a slice at a time, with a pause between, so the phone stays responsive while
	// it stores 270 postings (one transaction for all was a half-second freeze on a slow phone).
	// Until the last step marks the copy as saved, an interrupted write is simply done again.
	const fresh = new Set(jobs.map((job) => job.id));
	for (let start = 0; start < jobs.length; start += WRITE_SLICE) {
		await db.postings.bulkPut(jobs.slice(start, start + WRITE_SLICE).map((job) => ({ ...job, lang })));
		await pause();
	}
	const keys = (await db.postings.where('lang').equals(lang).primaryKeys()) as unknown as [Language, string][];
	await db.postings.bulkDelete(keys.filter(([, id]) => !fresh.has(id)) as unknown as string[]);
	await db.jobTypes.put({ lang, jobTypes, savedAt: Date.now() });
	return jobs.length;
}

const WRITE_SLICE = 10;

function pause(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}
