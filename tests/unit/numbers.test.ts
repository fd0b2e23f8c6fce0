import { describe, expect, test } from 'vitest';
import { applicationSchema } from '$lib/application/schema';
import { takeInApplication } from '$lib/server/intake';
import { recordStep } from '$lib/server/cases';
import { keyFigures, keyFiguresCsv } from '$lib/server/numbers';
import { parsePeriod } from '$lib/staff/period';
import type { StaffMember } from '$lib/staff/roles';
import { backends, useSeededDatabase } from './backends';
import { validApplication } from './fixtures';

describe.each(backends)('key figures on $name', (backend) => {
	const database = useSeededDatabase(backend);
	const secretariat: StaffMember = { id: 's', email: 's@x', name: 'S', role: 'sekretariat', consultantId: null };


	async function walk(municipality: string, steps: [string, Record<string, unknown>?][]) {
		const application = applicationSchema.parse(validApplication({ municipality }));
		await takeInApplication(database().db, application);
		for (const [status, details] of steps) {
			const result = await recordStep(database().db, secretariat, application.id, { status, details });
			expect(result.ok, status).toBe(true);
		}
	}

	test('counts the path from the data, and a consultant sees only their own', async () => {
		await walk('330', [['screened'], ['conversation'], ['internship'], ['hired', { hireType: 'skaanejob', employer: 'Bilka', hours: 9 }], ['follow-up', { outcome: 'same-job', wellbeing: 'good' }]]);
		await walk('330', [['screened'], ['conversation'], ['hired', { hireType: 'fleksjob', employer: 'Netto', hours: 12 }], ['follow-up', { outcome: 'no-job-wants-one', wellbeing: 'mixed' }]]);
		await walk('101', [['screened']]);
		await walk('101', []);

		const thisYear = parsePeriod(new URLSearchParams());
		if (!thisYear.ok) throw new Error('this year is a period');
		const all = await keyFigures(database().db, secretariat, thisYear.period);
		expect(all.total).toMatchObject({
			applications: 4,
			conversations: 2,
			internships: 1,
			hires: { skaanejob: 1, fleksjob: 1 },
			followUps: 2,
			retention: 0.5
		});
		expect(all).toMatchObject({ waiting: 2, targets: { conversations: 800, hires: 550, retention: 0.6, prorated: false } });
		expect(all.postingsByJobType.reduce((sum, row) => sum + row.count, 0)).toBeGreaterThanOrEqual(250);

		const consultantId = (await database().db.selectFrom('municipalities').select('consultant_id').where('code', '=', '101').executeTakeFirstOrThrow()).consultant_id;
		const consultant: StaffMember = { id: 'k', email: 'k@x', name: 'K', role: 'konsulent', consultantId };
		const own = await keyFigures(database().db, consultant, thisYear.period);
		expect(own.total).toMatchObject({ applications: 2, conversations: 0, followUps: 0, retention: null });
		expect(own.waiting).toBe(2);
		expect(own.postingsByJobType.reduce((sum, row) => sum + row.count, 0)).toBeLessThan(all.postingsByJobType.reduce((sum, row) => sum + row.count, 0));

		const csv = keyFiguresCsv(all);
		expect(csv.split('\r\n')[0]).toBe('\uFEFFperiod,region,municipality,consultant,applications,conversations,internships,hires_skaanejob,hires_fleksjob,follow_ups,in_job_after_6_months');
		expect(csv.split('\r\n').filter((line) => line.includes(',Slagelse,') || line.includes(',København,'))).toHaveLength(2);
	});
});
