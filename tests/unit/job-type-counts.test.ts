import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { listJobTypes } from '$lib/server/jobs';
import { backends, useSeededDatabase } from './backends';
import { addPostingCopies } from './many-postings';

/**
 * The job list's pictures show how many live postings each job type has. With 10,000
 * postings the count must come from the index of (status, job type), not from reading
 * every posting of each type.
 */
describe.each(backends)('live postings per job type on $name', (backend) => {
	const database = useSeededDatabase(backend);

	test('equal a recount at 10,000 postings, and are counted from the index alone', async () => {
		const db = database().db;
		await addPostingCopies(db, 10_000);
		const types = await listJobTypes(db, 'da');
		const recount = await db
			.selectFrom('postings')
			.select(['job_type_id', (eb) => eb.fn.countAll<string>().as('n')])
			.where('status', '=', 'live')
			.groupBy('job_type_id')
			.execute();
		const expected = new Map(recount.map((row) => [row.job_type_id, Number(row.n)]));
		expect(types.length).toBe(11);
		for (const type of types) expect(type.count, type.id).toBe(expected.get(type.id) ?? 0);
		expect(types.reduce((sum, type) => sum + type.count, 0)).toBeGreaterThan(8000);

		if (backend.name === 'sqlite') {
			const started = performance.now();
			for (let i = 0; i < 10; i++) await listJobTypes(db, 'da');
			const each = (performance.now() - started) / 10;
			console.log(`sqlite: job types with counts over 10,000 postings in ${each.toFixed(1)} ms`);
			expect(each).toBeLessThan(15);
			const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT job_type_id, count(*) FROM postings WHERE status = 'live' GROUP BY job_type_id`.execute(db);
			expect(plan.rows.map((row) => row.detail).join('; ')).toContain('COVERING INDEX postings_status_job_type');
		}
	}, 120_000);
});
