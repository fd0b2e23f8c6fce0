import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends, useSeededDatabase } from './backends';
import { addSyntheticApplications } from '$lib/server/db/synthetic';

for (const backend of backends) {
	describe(`synthetic applications (${backend.name})`, () => {
		const open = useSeededDatabase(backend);

		it('makes 20,000 applications with paths in order, people who apply again, and follow-ups due', async () => {
			const { db } = open();
			const started = Date.now();
			await addSyntheticApplications(db, { count: 20_000, seed: 7, now: new Date('2026-12-01T12:00:00Z') });
			console.log(`${backend.name}: 20,000 applications in ${Date.now() - started} ms`);
			const count = async (query: string) => Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(db)).rows[0]!.n);
			expect(await count('SELECT count(*) AS n FROM applications')).toBe(20_000);
			// Every application's status is its last event's.
			expect(
				await count(`SELECT count(*) AS n FROM applications a WHERE a.status <> (SELECT e.status FROM application_events e WHERE e.application_id = a.id ORDER BY e.at DESC LIMIT 1)`)
			).toBe(0);
			const byStatus = Object.fromEntries(
				(await db.selectFrom('applications').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('status').execute()).map((r) => [r.status, Number(r.n)])
			);
			expect(byStatus.received).toBeGreaterThan(0);
			expect(byStatus.hired).toBeGreaterThan(0);
			expect(byStatus['follow-up']).toBeGreaterThan(byStatus.hired!);
			expect(await count(`SELECT count(*) AS n FROM (SELECT person_key FROM applications GROUP BY person_key HAVING count(*) > 1) t`)).toBeGreaterThan(500);
			expect(await count(`SELECT count(*) AS n FROM applications WHERE status = 'hired' AND follow_up_due_at IS NULL`)).toBe(0);
		}, 120_000);
	});
}
