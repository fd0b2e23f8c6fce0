import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { backends, useSeededDatabase } from './backends';
import { addSyntheticApplications } from '$lib/server/db/synthetic';
import { createStaff } from '$lib/server/auth/staff';
import { listAuditLog, readAuditLog } from '$lib/server/audit-log';
import { AUDIT_ACTIONS, auditLogHref, parseAuditLogQuery, type AuditLogQuery } from '$lib/staff/audit-log';
import type { Database } from '$lib/server/db/schema';
import type { StaffMember } from '$lib/staff/roles';

const LINES = 100_000;

function parsed(search: string): AuditLogQuery {
	const result = parseAuditLogQuery(new URLSearchParams(search));
	if (!result.ok) throw new Error(`${search} is a valid query`);
	return result.query;
}

/** The best of three runs: a page must come back well within what a person notices, on a busy machine too. */
async function timed<T>(label: string, run: () => Promise<T>, limitMs = 100): Promise<T> {
	let best = Infinity;
	let result: T | undefined;
	for (let i = 0; i < 3; i++) {
		const started = performance.now();
		result = await run();
		best = Math.min(best, performance.now() - started);
	}
	if (process.env.SHOW_TIMINGS) console.log(`${label}: ${best.toFixed(1)} ms`);
	expect(best, `${label} took ${best.toFixed(1)} ms`).toBeLessThan(limitMs);
	return result!;
}

async function recount(db: Kysely<Database>, where: ReturnType<typeof sql>): Promise<number> {
	const rows = await sql<{ n: number | string }>`SELECT count(*) AS n FROM audit_log WHERE ${where}`.execute(db);
	return Number(rows.rows[0]!.n);
}

describe('the audit log query', () => {
	it('reads the filters, and refuses bad ones with a message key', () => {
		expect(parsed('')).toEqual({ page: 1 });
		expect(parsed('hvem=&hvad=&fra=&til=&ansoegning=&side=')).toEqual({ page: 1 });
		expect(parsed('hvem=system&hvad=read-application&fra=2026-01-01&til=2026-01-31&ansoegning=klt-482&side=3')).toEqual({
			staffId: 'system',
			action: 'read-application',
			from: '2026-01-01',
			to: '2026-01-31',
			reference: 'KLT-482',
			page: 3
		});
		const bad: [string, string][] = [
			['fra=2026-02-30', 'staff.log.errors.from'],
			['til=yesterday', 'staff.log.errors.to'],
			['fra=2026-03-01&til=2026-02-01', 'staff.log.errors.order'],
			['fra=1899-01-01', 'staff.log.errors.from'],
			['hvad=DROP%20TABLE', 'staff.log.errors.action'],
			['hvem=%27%20or%201%3D1', 'staff.log.errors.staff'],
			['ansoegning=%3Cscript%3E', 'staff.log.errors.reference'],
			['side=0', 'staff.log.errors.page'],
			['side=1.5', 'staff.log.errors.page'],
			['side=abc', 'staff.log.errors.page'],
			['side=99999999999', 'staff.log.errors.page']
		];
		for (const [search, error] of bad) expect(parseAuditLogQuery(new URLSearchParams(search)), search).toEqual({ ok: false, error });
		// The page's links keep the filters and leave out page 1.
		expect(auditLogHref(parsed('hvad=sign-in&side=2'), { page: 1 })).toBe('/personale/log?hvad=sign-in');
		expect(auditLogHref(parsed('hvem=abc&fra=2026-01-01'), { page: 4 })).toBe('/personale/log?hvem=abc&fra=2026-01-01&side=4');
	});
});

for (const backend of backends) {
	describe(`the audit log at ${LINES.toLocaleString('en')} lines (${backend.name})`, () => {
		const open = useSeededDatabase(backend);
		let db: Kysely<Database>;
		let admin: StaffMember;
		let people: StaffMember[];
		let reference: string;
		let applicationId: string;

		beforeAll(async () => {
			db = open().db;
			await addSyntheticApplications(db, { count: 50, seed: 3, now: new Date('2026-12-01T12:00:00Z') });
			const applications = await db.selectFrom('applications').select(['id', 'reference']).orderBy('id').execute();
			({ id: applicationId, reference } = applications[0]!);
			admin = (await createStaff(db, { email: 'log-admin@klapjob.example', name: 'Log Admin', role: 'admin' })).staff;
			people = [admin];
			for (let i = 0; i < 4; i++) people.push((await createStaff(db, { email: `log-${i}@klapjob.example`, name: `Log ${i}`, role: 'sekretariat' })).staff);
			// 100,000 lines over two years, from a fixed sequence: every tenth by the app itself, one kind the page does not know.
			let state = 7;
			// mulberry32: the same lines on every run.
			const next = () => {
				state = (state + 0x6d2b79f5) | 0;
				let t = Math.imul(state ^ (state >>> 15), 1 | state);
				t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
				return (t ^ (t >>> 14)) >>> 0;
			};
			const start = Date.parse('2025-01-01T00:00:00Z');
			const span = Date.parse('2026-12-01T00:00:00Z') - start;
			const actions = [...AUDIT_ACTIONS, 'an-older-kind'];
			for (let done = 0; done < LINES; done += 1000) {
				const rows = Array.from({ length: 1000 }, (_, i) => {
					const n = done + i;
					const withApplication = n % 3 === 0;
					return {
						id: `line-${String(n).padStart(6, '0')}`,
						at: new Date(start + Math.floor((next() / 2 ** 32) * span)).toISOString(),
						staff_id: n % 10 === 9 ? null : people[next() % people.length]!.id,
						action: actions[next() % actions.length]!,
						application_id: withApplication ? applications[next() % applications.length]!.id : null,
						detail: n % 5 === 0 ? `${n % 7} shown` : null
					};
				});
				await db.transaction().execute(async (trx) => {
					for (let i = 0; i < rows.length; i += 250) await trx.insertInto('audit_log').values(rows.slice(i, i + 250)).execute();
				});
			}
			if (backend.name === 'postgres') await sql`ANALYZE audit_log`.execute(db);
		}, 300_000);

		it('pages newest first with the total, from the first page to the last', async () => {
			const total = await recount(db, sql`1 = 1`);
			expect(total).toBeGreaterThanOrEqual(LINES);
			const first = await timed('first page', () => readAuditLog(db, parsed('')));
			expect(first.total).toBe(total);
			expect(first.lines).toHaveLength(50);
			const newest = await sql<{ id: string }>`SELECT id FROM audit_log ORDER BY at DESC, id DESC LIMIT 1`.execute(db);
			expect(first.lines[0]!.id).toBe(newest.rows[0]!.id);
			expect(first.lines.every((line, i) => i === 0 || line.at <= first.lines[i - 1]!.at)).toBe(true);

			const second = await readAuditLog(db, parsed('side=2'));
			expect(second.lines[0]!.at <= first.lines.at(-1)!.at).toBe(true);
			expect(second.lines.map((line) => line.id)).not.toContain(first.lines.at(-1)!.id);

			// The middle is the furthest any page skips.
			const middle = await timed('middle page', () => readAuditLog(db, parsed(`side=${Math.ceil(total / 100)}`)));
			expect(middle.lines).toHaveLength(50);
			const lastPage = Math.ceil(total / 50);
			const last = await timed('last page', () => readAuditLog(db, parsed(`side=${lastPage}`)));
			expect(last.lines).toHaveLength(total - (lastPage - 1) * 50);
			const oldest = await sql<{ id: string }>`SELECT id FROM audit_log ORDER BY at, id LIMIT 1`.execute(db);
			expect(last.lines.at(-1)!.id).toBe(oldest.rows[0]!.id);
			expect((await readAuditLog(db, parsed(`side=${lastPage + 1}`))).lines).toEqual([]);
			// Names come with the lines; lines by the app itself have none.
			expect(first.lines.some((line) => line.staffName?.startsWith('Log'))).toBe(true);
		});

		it('filters by who, what, when and application, counting what a plain recount finds', async () => {
			const someone = people[2]!;
			const cases: [string, ReturnType<typeof sql>][] = [
				[`hvem=${someone.id}`, sql`staff_id = ${someone.id}`],
				['hvem=system', sql`staff_id IS NULL`],
				['hvad=read-application', sql`action = 'read-application'`],
				['hvad=an-older-kind', sql`action = 'an-older-kind'`],
				['fra=2026-03-01&til=2026-03-31', sql`at >= '2026-03-01T00:00:00.000Z' AND at < '2026-04-01T00:00:00.000Z'`],
				[`hvem=${someone.id}&hvad=sign-in&fra=2025-06-01`, sql`staff_id = ${someone.id} AND action = 'sign-in' AND at >= '2025-06-01T00:00:00.000Z'`],
				[`hvad=change-status&til=2025-12-31`, sql`action = 'change-status' AND at < '2026-01-01T00:00:00.000Z'`],
				[`ansoegning=${reference.toLowerCase()}`, sql`application_id = ${applicationId}`]
			];
			for (const [search, where] of cases) {
				const page = await timed(search, () => readAuditLog(db, parsed(search)));
				const expected = await recount(db, where);
				expect(page.total, search).toBe(expected);
				expect(expected, search).toBeGreaterThan(0);
				expect(page.lines.length, search).toBe(Math.min(50, expected));
			}
			const byApplication = await readAuditLog(db, parsed(`ansoegning=${reference}`));
			expect(byApplication.lines.every((line) => line.reference === reference)).toBe(true);
			const deep = await timed('a deep page of one person', () => readAuditLog(db, parsed(`hvem=${someone.id}&side=300`)));
			expect(deep.lines.every((line) => line.staffId === someone.id)).toBe(true);

			const unknown = await readAuditLog(db, parsed('ansoegning=ZZZ-999'));
			expect(unknown).toMatchObject({ lines: [], total: 0, unknownReference: true });
		});

		it('logs each read of the log with its filters', async () => {
			const before = await recount(db, sql`action = 'audit-log-read'`);
			await listAuditLog(db, admin, parsed(`hvad=sign-in&ansoegning=${reference}&side=2`));
			const rows = await db.selectFrom('audit_log').selectAll().where('action', '=', 'audit-log-read').where('staff_id', '=', admin.id).orderBy('at', 'desc').execute();
			expect(rows.length).toBeGreaterThan(0);
			expect(await recount(db, sql`action = 'audit-log-read'`)).toBe(before + 1);
			expect(rows.some((row) => row.detail === `hvad=sign-in ansoegning=${reference} side=2`)).toBe(true);
		});
	});
}
