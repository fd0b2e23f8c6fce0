import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { applicationSchema } from '$lib/application/schema';
import { takeInApplication } from '$lib/server/intake';
import { recordStep } from '$lib/server/cases';
import { keyFigures } from '$lib/server/numbers';
import { deleteExpiredApplications } from '$lib/server/retention';
import { splitPeriod } from '$lib/server/step-counts';
import { parsePeriod, type Period } from '$lib/staff/period';
import type { StaffMember } from '$lib/staff/roles';
import { backends, useSeededDatabase } from './backends';
import { validApplication } from './fixtures';

/**
 * The figures read the counts kept with every step. They must agree with the steps while
 * the steps are there, hold under writers at the same time, and stay when a person's data
 * is deleted (the figures for a past year do not change because the people in it are gone).
 */
const secretariat: StaffMember = { id: 's', email: 's@x', name: 'S', role: 'sekretariat', consultantId: null };

function period(query: string, now: Date): Period {
	const result = parsePeriod(new URLSearchParams(query), now);
	if (!result.ok) throw new Error(query);
	return result.period;
}

describe.each(backends)('the figures’ counts on $name', (backend) => {
	const database = useSeededDatabase(backend);

	async function arrive(receivedAt: string, municipality = '330') {
		const application = applicationSchema.parse(validApplication({ municipality }));
		await takeInApplication(database().db, application, new Date(receivedAt));
		return application.id;
	}

	test('counts equal a recount of the steps, per kind, municipality, day and outcome', async () => {
		const db = database().db;
		const ids = await Promise.all(Array.from({ length: 24 }, (_, i) => arrive(`2025-0${1 + (i % 3)}-1${i % 10}T10:00:00.000Z`, i % 2 ? '330' : '101')));
		// Writers at the same time on the same counted rows.
		const screened = await Promise.all(ids.slice(0, 12).map((id) => recordStep(db, secretariat, id, { status: 'screened', at: '2025-04-01T10:00:00.000Z' })));
		const moved = await Promise.all(ids.slice(0, 12).map((id) => recordStep(db, secretariat, id, { status: 'conversation', at: '2025-04-02T10:00:00.000Z' })));
		const hired = await Promise.all(
			ids.slice(0, 6).map((id, i) =>
				recordStep(db, secretariat, id, { status: 'hired', at: '2025-05-01T10:00:00.000Z', details: { hireType: i % 2 ? 'fleksjob' : 'skaanejob', employer: 'Netto', hours: 9 } })
			)
		);
		expect([...screened, ...moved, ...hired].every((result) => result.ok)).toBe(true);
		const recount = await db
			.selectFrom('application_events')
			.select((eb) => ['status', 'municipality_code', sql<string>`substr(at, 1, 10)`.as('day'), 'outcome', eb.fn.countAll<string>().as('n')])
			.groupBy(['status', 'municipality_code', sql`substr(at, 1, 10)`, 'outcome'])
			.execute();
		const counts = await db.selectFrom('figure_counts').selectAll().execute();
		const key = (row: { status: string; municipality_code: string; day: string; outcome: string | null; n: unknown }) =>
			`${row.status} ${row.municipality_code} ${row.day} ${row.outcome ?? ''} ${Number(row.n)}`;
		expect(counts.map(key).sort()).toEqual(recount.map(key).sort());
		expect(counts.reduce((sum, row) => sum + Number(row.n), 0)).toBe(24 + 12 + 12 + 6);

		const monthRecount = await db
			.selectFrom('application_events')
			.select((eb) => ['status', 'municipality_code', sql<string>`substr(at, 1, 7)`.as('day'), 'outcome', eb.fn.countAll<string>().as('n')])
			.groupBy(['status', 'municipality_code', sql`substr(at, 1, 7)`, 'outcome'])
			.execute();
		const months = await db.selectFrom('figure_months').select(['status', 'municipality_code', 'month as day', 'outcome', 'n']).execute();
		expect(months.map(key).sort()).toEqual(monthRecount.map(key).sort());
	});

	test('applications per status and municipality are kept by the database through every insert, step and delete', async () => {
		const db = database().db;
		const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => arrive('2025-02-10T10:00:00.000Z', i % 2 ? '330' : '101')));
		await Promise.all(ids.slice(0, 6).map((id) => recordStep(db, secretariat, id, { status: 'screened', at: '2025-02-12T10:00:00.000Z' })));
		await Promise.all(ids.slice(0, 3).map((id) => recordStep(db, secretariat, id, { status: 'conversation', at: '2025-02-13T10:00:00.000Z' })));
		const gone = [ids[0]!, ids[9]!];
		await db.deleteFrom('voice_messages').where('application_id', 'in', gone).execute();
		await db.deleteFrom('application_events').where('application_id', 'in', gone).execute();
		await db.deleteFrom('applications').where('id', 'in', gone).execute();
		const recount = await db
			.selectFrom('applications')
			.select((eb) => ['status', 'municipality_code', eb.fn.countAll<string>().as('n')])
			.groupBy(['status', 'municipality_code'])
			.execute();
		const kept = await db.selectFrom('status_counts').selectAll().where('n', '<>', 0).execute();
		const key = (row: { status: string; municipality_code: string; n: unknown }) => `${row.status} ${row.municipality_code} ${Number(row.n)}`;
		expect(kept.map(key).sort()).toEqual(recount.map(key).sort());
		const figures = await keyFigures(db, secretariat, period('periode=year', new Date()));
		const waiting = recount.filter((row) => ['received', 'more-info', 'screened'].includes(row.status)).reduce((sum, row) => sum + Number(row.n), 0);
		expect(figures.waiting).toBe(waiting);
	});

	test('the figures for a past year stay the same when retention deletes its people', async () => {
		const db = database().db;
		const rejected = await arrive('2025-02-10T10:00:00.000Z');
		await arrive('2025-02-11T10:00:00.000Z');
		for (const [status, at] of [['screened', '2025-02-12'], ['conversation', '2025-02-20'], ['closed', '2025-03-01']] as const) {
			expect((await recordStep(db, secretariat, rejected, { status, at: `${at}T10:00:00.000Z` })).ok).toBe(true);
		}
		const now = new Date('2026-11-24T00:00:00.000Z');
		const year = period('periode=last-year', now);
		const before = await keyFigures(db, secretariat, year);
		expect(before.total.applications).toBeGreaterThanOrEqual(2);
		expect(before.total.conversations).toBeGreaterThanOrEqual(1);

		expect((await deleteExpiredApplications(db, 12, now)).deleted).toBeGreaterThanOrEqual(2);
		expect(await db.selectFrom('application_events').select('id').where('application_id', '=', rejected).execute()).toEqual([]);
		const after = await keyFigures(db, secretariat, year);
		expect(after.total).toEqual(before.total);
		expect(after.byMunicipality).toEqual(before.byMunicipality);
	});
});

describe('a period as whole months and edge days', () => {
	test('a year is twelve months and no days; ragged edges are days', () => {
		expect(splitPeriod('2025-01-01', '2026-01-01')).toEqual({ months: ['2025-01', '2026-01'], days: [] });
		expect(splitPeriod('2025-01-15', '2025-04-10')).toEqual({ months: ['2025-02', '2025-04'], days: [['2025-01-15', '2025-02-01'], ['2025-04-01', '2025-04-10']] });
		expect(splitPeriod('2025-03-05', '2025-03-20')).toEqual({ months: null, days: [['2025-03-05', '2025-03-20']] });
		expect(splitPeriod('2025-12-20', '2026-01-05')).toEqual({ months: null, days: [['2025-12-20', '2026-01-05']] });
		expect(splitPeriod('2025-11-20', '2026-02-01')).toEqual({ months: ['2025-12', '2026-02'], days: [['2025-11-20', '2025-12-01']] });
	});
});
