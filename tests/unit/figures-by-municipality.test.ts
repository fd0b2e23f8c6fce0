import { describe, expect, test } from 'vitest';
import { Migrator, type Kysely } from 'kysely';
import { applicationSchema } from '$lib/application/schema';
import { takeInApplication } from '$lib/server/intake';
import { recordStep } from '$lib/server/cases';
import { keyFigures } from '$lib/server/numbers';
import { migrateToLatest } from '$lib/server/db';
import { migrationProvider } from '$lib/server/db/migrations';
import { parsePeriod, type Period } from '$lib/staff/period';
import type { StaffMember } from '$lib/staff/roles';
import { backends, useSeededDatabase } from './backends';
import { validApplication } from './fixtures';

/**
 * The figures count steps by the municipality stored on each step: a step written by the
 * intake or by a case, and a step stored before that column existed, must all carry their
 * application's municipality.
 */
const secretariat: StaffMember = { id: 's', email: 's@x', name: 'S', role: 'sekretariat', consultantId: null };

function period(query: string, now?: Date): Period {
	const result = parsePeriod(new URLSearchParams(query), now);
	if (!result.ok) throw new Error(query);
	return result.period;
}

describe.each(backends)('steps counted in their municipality on $name', (backend) => {
	const database = useSeededDatabase(backend);

	test('a new application and the steps recorded on its case count in its municipality', async () => {
		const { db } = database();
		const thisYear = period('');
		const before = await keyFigures(db, secretariat, thisYear);
		const application = applicationSchema.parse(validApplication({ municipality: '461' }));
		await takeInApplication(db, application);
		for (const [status, details] of [
			['screened'],
			['conversation'],
			['hired', { hireType: 'fleksjob', employer: 'Netto', hours: 12 }]
		] as [string, Record<string, unknown>?][]) {
			expect((await recordStep(db, secretariat, application.id, { status, details })).ok, status).toBe(true);
		}
		const codes = await db.selectFrom('application_events').select('municipality_code').where('application_id', '=', application.id).execute();
		expect(codes.map((row) => row.municipality_code)).toEqual(['461', '461', '461', '461']);

		const after = await keyFigures(db, secretariat, thisYear);
		const row = (figures: typeof after, code: string) => figures.byMunicipality.find((m) => m.code === code)!.counts;
		expect(row(after, '461').applications - row(before, '461').applications).toBe(1);
		expect(row(after, '461').conversations - row(before, '461').conversations).toBe(1);
		expect(row(after, '461').hires.fleksjob - row(before, '461').hires.fleksjob).toBe(1);
		expect(after.total.applications - before.total.applications).toBe(1);
		const month = new Date().toISOString().slice(0, 7);
		const bar = (figures: typeof after) => figures.hiresByMonth.find((m) => m.month === month)!.hires.fleksjob;
		expect(bar(after) - bar(before)).toBe(1);
		expect(after.waiting).toBe(before.waiting);

		// The consultant of 461 sees it; the consultant of another municipality does not.
		const consultantOf = async (code: string) =>
			(await db.selectFrom('municipalities').select('consultant_id').where('code', '=', code).executeTakeFirstOrThrow()).consultant_id;
		const own = await keyFigures(db, { ...secretariat, role: 'konsulent', consultantId: await consultantOf('461') }, thisYear);
		expect(own.byMunicipality.find((m) => m.code === '461')!.counts.hires.fleksjob).toBe(row(after, '461').hires.fleksjob);
		const other = await db.selectFrom('municipalities').select('consultant_id').where('consultant_id', '<>', await consultantOf('461')).executeTakeFirstOrThrow();
		const theirs = await keyFigures(db, { ...secretariat, role: 'konsulent', consultantId: other.consultant_id }, thisYear);
		expect(theirs.byMunicipality.some((m) => m.code === '461')).toBe(false);
	});
});

for (const backend of backends) {
	describe(`the migration that puts the municipality on each step (${backend.name})`, () => {
		test('fills it for every step stored before it, in batches, so the figures count them', async () => {
			const { database, cleanup } = await backend.open();
			try {
				const db = database.db as never as Kysely<any>;
				const migrator = new Migrator({ db, provider: migrationProvider });
				expect((await migrator.migrateTo('2026-12-02-009-posting-changes')).error).toBeUndefined();
				await db.insertInto('consultants').values([
					{ id: 'c01', first_name: 'Mette', last_name: 'Holm', phone: '12345678', email: 'm@example.dk' },
					{ id: 'c02', first_name: 'Jens', last_name: 'Lund', phone: '87654321', email: 'j@example.dk' }
				]).execute();
				await db.insertInto('municipalities').values([
					{ code: '101', name: 'København', region: 'Hovedstaden', agreement: 'yes', consultant_id: 'c01' },
					{ code: '330', name: 'Slagelse', region: 'Sjælland', agreement: 'yes', consultant_id: 'c02' }
				]).execute();
				// More applications than one batch of the migration (20,000), in both municipalities.
				const count = 20_050;
				const applications = [];
				const events = [];
				for (let i = 0; i < count; i++) {
					const id = `a${String(i).padStart(6, '0')}`;
					const code = i % 3 === 0 ? '330' : '101';
					applications.push({
						id, request_hash: id, reference: `R-${id}`, status_token: `t-${id}`, status: i % 2 ? 'hired' : 'received', posting_id: null,
						municipality_code: code, consultant_id: code === '330' ? 'c02' : 'c01', screening_decision: 'skaanejob', screening_reasons: '[]',
						answers: '{"name":"A"}', language: 'da', created_at: '2025-03-01T10:00:00.000Z', received_at: '2025-03-01T10:00:00.000Z', name_key: 'a'
					});
					events.push({ id: `r-${id}`, application_id: id, status: 'received', at: '2025-03-01T10:00:00.000Z', note: null, staff_id: null, public_note: null, details: null, outcome: null });
					if (i % 2) {
						events.push({ id: `h-${id}`, application_id: id, status: 'hired', at: '2025-06-01T10:00:00.000Z', note: null, staff_id: null, public_note: null, details: '{"hireType":"skaanejob"}', outcome: 'skaanejob' });
					}
				}
				for (let i = 0; i < applications.length; i += 500) await db.insertInto('applications').values(applications.slice(i, i + 500)).execute();
				for (let i = 0; i < events.length; i += 500) await db.insertInto('application_events').values(events.slice(i, i + 500)).execute();

				await migrateToLatest(database.db);

				const wrong = await database.db
					.selectFrom('application_events')
					.innerJoin('applications', 'applications.id', 'application_events.application_id')
					.select((eb) => eb.fn.countAll<string>().as('n'))
					.whereRef('application_events.municipality_code', '<>', 'applications.municipality_code')
					.executeTakeFirstOrThrow();
				expect(Number(wrong.n)).toBe(0);

				const figures = await keyFigures(database.db, secretariat, period('periode=last-year', new Date('2026-06-01T00:00:00Z')));
				const in330 = Math.ceil(count / 3);
				const hired330 = applications.filter((a, i) => a.municipality_code === '330' && i % 2).length;
				expect(figures.byMunicipality.map((m) => [m.code, m.counts.applications, m.counts.hires.skaanejob])).toEqual([
					['101', count - in330, count / 2 - hired330],
					['330', in330, hired330]
				]);
				expect(figures.hiresByMonth.find((m) => m.month === '2025-06')!.total).toBe(count / 2);
				expect(figures.waiting).toBe(count / 2);
			} finally {
				await cleanup();
			}
		}, 120_000);
	});
}
