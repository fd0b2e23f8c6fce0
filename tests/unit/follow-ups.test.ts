import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { addSyntheticApplications } from '$lib/server/db/synthetic';
import { followUpsDue, recordStep, FOLLOW_UP_HORIZON_DAYS } from '$lib/server/cases';
import { followUpDue } from '$lib/staff/path';
import { followUpFormSchema } from '$lib/staff/step-form';
import type { StaffMember } from '$lib/staff/roles';
import { backends, useSeededDatabase } from './backends';

const NOW = new Date('2026-12-01T12:00:00Z');
const secretariat: StaffMember = { id: 's', email: 's@x', name: 'S', role: 'sekretariat', consultantId: null };

describe.each(backends)('the follow-up list on $name, 20,000 applications', (backend) => {
	const open = useSeededDatabase(backend);
	beforeAll(async () => {
		await addSyntheticApplications(open().db, { count: 20_000, seed: 5, now: NOW });
	}, 240_000);

	/** The calls due, found the plain way: hired people, their hire step + 6 months, within 4 weeks of now. */
	async function recount(keep: (consultant: string) => boolean = () => true): Promise<string[]> {
		const hired = await open()
			.db.selectFrom('applications')
			.innerJoin('application_events', 'application_events.application_id', 'applications.id')
			.select(['applications.id', 'applications.status', 'applications.consultant_id', 'application_events.at'])
			.where('application_events.status', '=', 'hired')
			.execute();
		const horizon = new Date(NOW.getTime() + FOLLOW_UP_HORIZON_DAYS * 86_400_000).toISOString();
		return hired
			.filter((row) => row.status === 'hired' && keep(row.consultant_id))
			.map((row) => ({ id: row.id, due: followUpDue(String(row.at)) }))
			.filter((row) => row.due <= horizon)
			.sort((a, b) => a.due.localeCompare(b.due) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
			.map((row) => row.id);
	}

	async function allPages(staff: StaffMember): Promise<{ ids: string[]; total: number; pages: number }> {
		const ids: string[] = [];
		let total = 0;
		let page = 1;
		for (; ; page++) {
			const list = await followUpsDue(open().db, staff, { now: NOW, page });
			total = list.total;
			expect(list.page).toBe(page);
			expect(list.rows.length).toBeLessThanOrEqual(50);
			ids.push(...list.rows.map((row) => row.id));
			if (page * 50 >= list.total) break;
		}
		return { ids, total, pages: page };
	}

	test('holds exactly the calls due, overdue or due within 4 weeks, oldest first, 50 a page', async () => {
		const expected = await recount();
		expect(expected.length).toBeGreaterThan(50);
		const started = performance.now();
		const first = await followUpsDue(open().db, secretariat, { now: NOW });
		console.log(`${backend.name}: the follow-up list's first page in ${(performance.now() - started).toFixed(0)} ms (${first.total} due)`);
		expect(first.rows).toHaveLength(50);
		expect(first.total).toBe(expected.length);
		expect(first.rows[0]!.overdue).toBe(true);
		expect(first.rows.every((row) => row.hiredAt !== null && followUpDue(row.hiredAt) === row.dueAt)).toBe(true);

		const { ids, total, pages } = await allPages(secretariat);
		expect(total).toBe(expected.length);
		expect(ids).toEqual(expected);
		expect(pages).toBe(Math.ceil(expected.length / 50));
		// A page past the end shows the last page, not an empty list.
		expect((await followUpsDue(open().db, secretariat, { now: NOW, page: 10_000 })).page).toBe(pages);
	});

	test('a consultant sees only their own', async () => {
		const { db } = open();
		const consultantId = (await db.selectFrom('municipalities').select('consultant_id').where('code', '=', '101').executeTakeFirstOrThrow()).consultant_id;
		const consultant: StaffMember = { id: 'k', email: 'k@x', name: 'K', role: 'konsulent', consultantId };
		const { ids } = await allPages(consultant);
		expect(ids).toEqual(await recount((c) => c === consultantId));
		expect(ids.length).toBeGreaterThan(0);
	});

	test('recording the outcome takes the call off the list', async () => {
		const { db } = open();
		const before = await followUpsDue(db, secretariat, { now: NOW });
		const call = before.rows[0]!;
		const result = await recordStep(db, secretariat, call.id, { status: 'follow-up', details: { outcome: 'new-job', wellbeing: 'good' } });
		expect(result.ok).toBe(true);
		const after = await followUpsDue(db, secretariat, { now: NOW });
		expect(after.total).toBe(before.total - 1);
		expect(after.rows.map((row) => row.id)).not.toContain(call.id);
		const event = await db.selectFrom('application_events').select('outcome').where('application_id', '=', call.id).where('status', '=', 'follow-up').executeTakeFirstOrThrow();
		expect(event.outcome).toBe('new-job');
		// A second time is refused: the step has been taken.
		expect(await recordStep(db, secretariat, call.id, { status: 'follow-up', details: { outcome: 'new-job', wellbeing: 'good' } })).toEqual({ ok: false, reason: 'bad-step' });
	});

	if (backend.name === 'sqlite') {
		test('the list is a range on the index of status and due date', async () => {
			const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM applications WHERE status = 'hired' AND follow_up_due_at <= '2026-12-29' ORDER BY follow_up_due_at, id LIMIT 50`.execute(open().db);
			expect(plan.rows.map((row) => row.detail).join(' ')).toContain('applications_follow_up_due');
		});
	}
});

describe('the outcome form on the list', () => {
	test('asks for an outcome and a wellbeing, with messages to translate', () => {
		const result = followUpFormSchema.safeParse({ id: 'x', outcome: 'maybe' });
		expect(result.success).toBe(false);
		const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
		expect(messages).toEqual({ outcome: 'staff.followUps.errors.outcome', wellbeing: 'staff.followUps.errors.wellbeing' });
		expect(followUpFormSchema.safeParse({ id: 'x', outcome: 'same-job', wellbeing: 'good' }).success).toBe(true);
	});
});
