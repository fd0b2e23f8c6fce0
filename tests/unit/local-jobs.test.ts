import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { localDatabase } from '$lib/outbox/db';
import { localJobs, refreshLocalJobs } from '$lib/jobs/local-jobs';
import type { Job } from '$lib/jobs/types';

/** A stand-in for the API: the postings it lists now. */
function api(ids: string[]): typeof fetch {
	return (async (url: string) => {
		const body = url.startsWith('/api/jobs')
			? { jobs: ids.map((id) => ({ id, title: `Job ${id}` }) as unknown as Job) }
			: { jobTypes: [] };
		return new Response(JSON.stringify(body), { status: 200 });
	}) as typeof fetch;
}

describe('the offline copy of the postings', () => {
	test('keeps every posting, drops the ones that are gone, and waits before fetching again', async () => {
		const first = Array.from({ length: 60 }, (_, i) => `p${i}`);
		expect(await refreshLocalJobs('da', api(first))).toBe(60);
		expect((await localJobs('da')).map((job) => job.id).sort()).toEqual([...first].sort());

		// Fetched again only after a while.
		expect(await refreshLocalJobs('da', api(['p1']))).toBe(0);

		const db = localDatabase();
		await db.jobTypes.update('da', { savedAt: 0 });
		const second = [...first.slice(30), 'p100', 'p101'];
		expect(await refreshLocalJobs('da', api(second))).toBe(32);
		expect((await localJobs('da')).map((job) => job.id).sort()).toEqual([...second].sort());
	});

	test('each language has its own copy', async () => {
		await refreshLocalJobs('en', api(['e1', 'e2']));
		expect((await localJobs('en')).map((job) => job.id).sort()).toEqual(['e1', 'e2']);
		expect((await localJobs('da')).some((job) => job.id === 'e1')).toBe(false);
	});
});
