import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { databaseConfigFromUrl, migrateToLatest, type OpenDatabase } from '$lib/server/db';
import { backends } from './backends';
import { seedIfEmpty } from '$lib/server/db/seed';
import { seedPostings } from '$lib/server/db/seed-files';
import { getJob, listJobs, listJobTypes } from '$lib/server/jobs';

describe('databaseConfigFromUrl', () => {
	test.each([
		[undefined, { dialect: 'sqlite', path: 'data/klapjob.db' }],
		['file:/tmp/x.db', { dialect: 'sqlite', path: '/tmp/x.db' }],
		['postgres://u@h/db', { dialect: 'postgres', url: 'postgres://u@h/db' }],
		['postgresql://u@h/db', { dialect: 'postgres', url: 'postgresql://u@h/db' }]
	])('%s', (url, expected) => {
		expect(databaseConfigFromUrl(url)).toEqual(expected);
	});

	test('an unknown kind of URL is refused, not guessed', () => {
		expect(() => databaseConfigFromUrl('mysql://h/db')).toThrow(/DATABASE_URL/);
	});
});

describe.each(backends)('several app servers starting at once on $name', (backend) => {
	test('migrate and seed once between them, without an error', async () => {
		const { database, cleanup } = await backend.open();
		try {
			await Promise.all([migrateToLatest(database.db), migrateToLatest(database.db)]);
			const seeded = await Promise.all([1, 2, 3].map(() => seedIfEmpty(database.db, database.dialect)));
			expect(seeded.filter(Boolean)).toHaveLength(1);
			const { total } = await listJobs(database.db, {}, 'da');
			expect(total).toBe(seedPostings.length);
		} finally {
			await cleanup();
		}
	}, 60_000);
});

describe.each(backends)('storage on $name', (backend) => {
	let database: OpenDatabase;
	let cleanup: () => Promise<void>;

	beforeAll(async () => {
		({ database, cleanup } = await backend.open());
		await migrateToLatest(database.db);
		expect(await seedIfEmpty(database.db)).toBe(true);
	}, 60_000);

	afterAll(async () => {
		await cleanup?.();
	});

	test('migrating and seeding again changes nothing', async () => {
		await migrateToLatest(database.db);
		expect(await seedIfEmpty(database.db)).toBe(false);
		const { total } = await listJobs(database.db, {}, 'da');
		expect(total).toBe(seedPostings.length);
	});

	test('the seeded list holds every posting with tasks in their order', async () => {
		const { jobs, total } = await listJobs(database.db, {}, 'da');
		expect(total).toBeGreaterThanOrEqual(250);
		expect(jobs).toHaveLength(total);
		const seeded = seedPostings[0]!;
		const job = jobs.find((j) => j.id === seeded.id)!;
		expect(job.tasks.map((task) => task.id)).toEqual(seeded.tasks);
		expect(job.hoursPerWeek).toBe(seeded.hoursPerWeek);
		expect(job.consultant.phone).toMatch(/^\+45/);
	});

	test('filters: municipality, region, job type, hours and text combine', async () => {
		const { jobs: all } = await listJobs(database.db, {}, 'da');
		const sample = all[0]!;
		const cases = [
			{ filters: { municipality: sample.municipalityCode }, expected: all.filter((j) => j.municipalityCode === sample.municipalityCode) },
			{ filters: { region: 'Midtjylland' as const }, expected: all.filter((j) => j.region === 'Midtjylland') },
			{ filters: { jobType: 'retail' as const, maxHours: 9 }, expected: all.filter((j) => j.jobType === 'retail' && j.hoursPerWeek <= 9) }
		];
		for (const { filters, expected } of cases) {
			const result = await listJobs(database.db, filters, 'da');
			expect(result.total).toBe(expected.length);
			expect(result.jobs.map((j) => j.id).sort()).toEqual(expected.map((j) => j.id).sort());
		}
	});

	test('text search finds Danish letters, old spellings and ignores wildcards', async () => {
		const bread = await listJobs(database.db, { q: 'BRØD' }, 'da');
		expect(bread.total).toBeGreaterThan(0);
		expect(bread.jobs.every((j) => `${j.title} ${j.tasks.map((t) => t.text).join(' ')}`.toLowerCase().includes('brød'))).toBe(true);
		const oldSpelling = await listJobs(database.db, { q: 'broed' }, 'da');
		expect(oldSpelling.total).toBe(bread.total);
		expect((await listJobs(database.db, { q: '%' }, 'da')).total).toBe(0);
		expect((await listJobs(database.db, { q: '_' }, 'da')).total).toBe(0);
	});

	test('limit and offset page through the same order', async () => {
		const first = await listJobs(database.db, { limit: 10 }, 'da');
		const second = await listJobs(database.db, { limit: 10, offset: 10 }, 'da');
		const both = await listJobs(database.db, { limit: 20 }, 'da');
		expect([...first.jobs, ...second.jobs].map((j) => j.id)).toEqual(both.jobs.map((j) => j.id));
		expect(first.total).toBe(both.total);
	});

	test('English comes from the catalogue; unknown and paused postings are not shown', async () => {
		const seeded = seedPostings[0]!;
		const english = await getJob(database.db, seeded.id, 'en');
		const danish = await getJob(database.db, seeded.id, 'da');
		expect(english!.title).not.toBe(danish!.title);
		expect(english!.tasks.map((t) => t.id)).toEqual(danish!.tasks.map((t) => t.id));
		expect(await getJob(database.db, 'nope', 'da')).toBeUndefined();

		await database.db.updateTable('postings').set({ status: 'paused' }).where('id', '=', seeded.id).execute();
		expect(await getJob(database.db, seeded.id, 'da')).toBeUndefined();
		const { total } = await listJobs(database.db, {}, 'da');
		expect(total).toBe(seedPostings.length - 1);
		await database.db.updateTable('postings').set({ status: 'live' }).where('id', '=', seeded.id).execute();
	});

	test('job types come in catalogue order with their live counts', async () => {
		const types = await listJobTypes(database.db, 'da');
		expect(types).toHaveLength(11);
		expect(types[0]!.id).toBe('retail');
		const { total } = await listJobs(database.db, {}, 'da');
		expect(types.reduce((sum, type) => sum + type.count, 0)).toBe(total);
	});

	if (backend.name === 'sqlite') {
		test('SQLite runs in WAL mode with synchronous=FULL', async () => {
			const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
			const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db);
			expect(mode.rows[0]!.journal_mode).toBe('wal');
			expect(sync.rows[0]!.synchronous).toBe(2); // 2 = FULL
		});
	}
});

describe.each(backends.filter((backend) => backend.name === 'postgres'))('a lost connection on $name', (backend) => {
	test('an idle connection ended by the server is dropped quietly, and the next query works', async () => {
		const { database, cleanup } = await backend.open();
		const uncaught: unknown[] = [];
		const onUncaught = (error: unknown) => uncaught.push(error);
		process.on('uncaughtException', onUncaught);
		try {
			// Several queries at once leave several idle connections in the pool.
			await Promise.all([1, 2, 3, 4].map(() => sql`SELECT pg_sleep(0.05)`.execute(database.db)));
			// Another session ends every connection of ours, as a server restart would.
			const { rows } = await sql<{ ended: number }>`
				SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity
				WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(database.db);
			expect(rows[0]!.ended).toBeGreaterThan(0);
			await new Promise((resolve) => setTimeout(resolve, 200));
			const after = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
			expect(after.rows[0]!.one).toBe(1);
			expect(uncaught).toEqual([]);
		} finally {
			process.off('uncaughtException', onUncaught);
			await cleanup();
		}
	});
});
