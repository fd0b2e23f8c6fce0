import { localDatabase } from '$lib/outbox/db';
import type { Language } from '$lib/i18n/languages';
import type { Job, JobType } from './types';
import type { Region } from './municipalities';

/**
 * The device's copy of the live postings in one language: of one region (see
 * localCopyRegion) or of the whole country, and the ones the person opened. The service worker makes it
 * (service-worker/postings.ts); pages only read it.
 */
export async function localJobs(lang: Language): Promise<Job[]> {
	return localDatabase().postings.where('lang').equals(lang).toArray();
}

export async function localJob(id: string, lang: Language): Promise<Job | undefined> {
	return localDatabase().postings.get([lang, id] as unknown as string);
}

export async function localJobTypes(lang: Language): Promise<JobType[]> {
	return (await localDatabase().jobTypes.get(lang))?.jobTypes ?? [];
}

/** The region the copy holds, or null when it holds the whole country. */
export async function localCopyRegion(lang: Language): Promise<Region | null> {
	return (await localDatabase().jobTypes.get(lang))?.region ?? null;
}
