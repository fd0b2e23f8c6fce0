import { beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { backends, useSeededDatabase } from './backends';
import { addSyntheticApplications } from '$lib/server/db/synthetic';
import { createStaff } from '$lib/server/auth/staff';
import { listQueue, personOverview, queueQueries } from '$lib/server/queue';
import { API_PARAMS, PAGE_PARAMS, parseQueueQuery, queueHref, type QueueQuery } from '$lib/staff/queue';
import type { Database } from '$lib/server/db/schema';
import type { StaffMember } from '$lib/staff/roles';

const WAITING = `status IN ('received', 'more-info', 'screened')`;

/** The queue's default query, changed in the parts given. */
function query(change: Partial<QueueQuery> = {}): QueueQuery {
	const parsed = parseQueueQuery(new URLSearchParams(), PAGE_PARAMS);
	if (!parsed.ok) throw new Error('the default query is valid');
	return { ...parsed.query, ...change };
}

async function recount(db: Kysely<Database>, where: string, ...params: unknown[]): Promise<number> {
	const rows = await sql<{ n: number | string }>`SELECT count(*) AS n FROM applications WHERE ${sql.raw(where.replace(/\?/g, () => `'${String(params.shift()).replace(/'/g, "''")}'`))}`.execute(db);
	return Number(rows.rows[0]!.n);
}

/** Timed: a page of the queue comes back well within what a person notices. */
async function timed<T>(label: string, run: () => Promise<T>, limitMs = 300): Promise<T> {
	const started = performance.now();
	const result = await run();
	const ms = performance.now() - started;
	if (process.env.SHOW_TIMINGS) console.log(`${label}: ${ms.toFixed(1)} ms`);
	expect(ms, `${label} took ${ms.toFixed(1)} ms`).toBeLessThan(limitMs);
	return result;
}

describe('the queue query', () => {
	it('refuses bad parameters with a message key per field, and reads the defaults', () => {
		const bad = parseQueueQuery(new URLSearchParams('page=-1&size=100000&sort=evil&status=evil&municipality=999&posting=a%20b&extra=1'), API_PARAMS, true);
		expect(bad).toEqual({
			ok: false,
			errors: {
				page: 'staff.queue.errors.page',
				size: 'staff.queue.errors.size',
				sort: 'staff.queue.errors.sort',
				status: 'staff.queue.errors.status',
				municipality: 'staff.queue.errors.municipality',
				posting: 'staff.queue.errors.posting',
				extra: 'staff.queue.errors.unknown'
			}
		});
		expect(parseQueueQuery(new URLSearchParams('page=1.5'), API_PARAMS, true).ok).toBe(false);
		expect(parseQueueQuery(new URLSearchParams('page=1&page=2'), API_PARAMS, true).ok).toBe(false);
		expect(parseQueueQuery(new URLSearchParams(`q=${'a'.repeat(101)}`), API_PARAMS, true).ok).toBe(false);
		// Who waits, oldest first; a search looks through every status; other statuses newest first.
		expect(query()).toEqual({ status: 'waiting', sort: 'oldest', page: 1, pageSize: 50 });
		const searched = parseQueueQuery(new URLSearchParams('soeg=anna'), PAGE_PARAMS);
		expect(searched.ok && searched.query).toMatchObject({ status: 'all', sort: 'newest', q: 'anna' });
		const hired = parseQueueQuery(new URLSearchParams('status=hired&kommune=&opslag='), PAGE_PARAMS);
		expect(hired.ok && hired.query).toEqual({ status: 'hired', sort: 'newest', page: 1, pageSize: 50 });
		// The page's links keep the filters and leave out what is the default.
		expect(queueHref(query(), { page: 3 })).toBe('/personale?side=3');
		expect(queueHref(query({ status: 'hired', sort: 'newest', municipality: '330' }), { sort: 'oldest' })).toBe('/personale?kommune=330&status=hired&sortering=oldest');
	});
});

for (const backend of backends) {
	describe(`the staff queue at volume (${backend.name})`, () => {
		const open = useSeededDatabase(backend);
		let db: Kysely<Database>;
		let secretariat: StaffMember;
		let consultant: StaffMember;

		beforeAll(async () => {
			db = open().db;
			await addSyntheticApplications(db, { count: 20_000, seed: 11, now: new Date('2026-12-01T12:00:00Z') });
			secretariat = (await createStaff(db, { email: 'queue-s@klapjob.example', name: 'Queue S', role: 'sekretariat' })).staff;
			const busiest = await sql<{ consultant_id: string }>`SELECT consultant_id FROM applications GROUP BY consultant_id ORDER BY count(*) DESC LIMIT 1`.execute(db);
			consultant = (await createStaff(db, { email: 'queue-k@klapjob.example', name: 'Queue K', role: 'konsulent', consultantId: busiest.rows[0]!.consultant_id })).staff;
			// As autovacuum would after a day's work: the planner knows the table's size.
			if (backend.name === 'postgres') await sql`ANALYZE applications`.execute(db);
		}, 120_000);

		it('shows who waited longest first, and reaches them by paging when sorted newest first', async () => {
			const oldest = (await sql<{ id: string }>`SELECT id FROM applications WHERE ${sql.raw(WAITING)} ORDER BY received_at, id LIMIT 1`.execute(db)).rows[0]!.id;
			const first = await timed('default page', () => listQueue(db, secretariat, query()));
			expect(first.applications[0]!.id).toBe(oldest);
			expect(first.applications).toHaveLength(50);
			expect(first.total).toBe(await recount(db, WAITING));
			expect(first.total).toBeGreaterThan(1000);

			const lastPage = Math.ceil(first.total / 50);
			const last = await timed('last page, newest first', () => listQueue(db, secretariat, query({ sort: 'newest', page: lastPage })));
			expect(last.applications.at(-1)!.id).toBe(oldest);
			expect(last.applications).toHaveLength(first.total - (lastPage - 1) * 50);
			// Pages do not overlap: page 2 starts after page 1.
			const second = await listQueue(db, secretariat, query({ page: 2 }));
			expect(second.applications[0]!.receivedAt >= first.applications.at(-1)!.receivedAt).toBe(true);
			expect(second.applications.map((a) => a.id)).not.toContain(first.applications.at(-1)!.id);
			expect((await listQueue(db, secretariat, query({ page: lastPage + 1 }))).applications).toEqual([]);
		});

		it('counts exactly what a plain recount of the same filter finds', async () => {
			const some = (await sql<{ municipality_code: string; posting_id: string }>`SELECT municipality_code, posting_id FROM applications WHERE posting_id IS NOT NULL LIMIT 1`.execute(db)).rows[0]!;
			const cases: [Partial<QueueQuery>, string, ...unknown[]][] = [
				[{ status: 'all' }, '1 = 1'],
				[{ status: 'hired' }, `status = 'hired'`],
				[{ status: 'screened', municipality: some.municipality_code }, `status = 'screened' AND municipality_code = ?`, some.municipality_code],
				[{ status: 'all', posting: some.posting_id }, 'posting_id = ?', some.posting_id],
				[{ municipality: some.municipality_code }, `${WAITING} AND municipality_code = ?`, some.municipality_code]
			];
			for (const [change, where, ...params] of cases) {
				const page = await timed(JSON.stringify(change), () => listQueue(db, secretariat, query(change)));
				expect(page.total, JSON.stringify(change)).toBe(await recount(db, where, ...params));
				expect(page.applications.length).toBe(Math.min(50, page.total));
			}
		});

		it('finds an application by its reference, by the name typed as a prefix, and by a phone typed with spaces and +45', async () => {
			const target = (
				await sql<{ id: string; reference: string; name_key: string; person_key: string }>`SELECT id, reference, name_key, person_key FROM applications WHERE person_key LIKE 'tel:%' ORDER BY received_at LIMIT 1 OFFSET 7000`.execute(db)
			).rows[0]!;
			const byReference = await timed('reference', () => listQueue(db, secretariat, query({ status: 'all', q: ` ${target.reference.toLowerCase()} ` })));
			expect(byReference.applications.map((a) => a.id)).toEqual([target.id]);

			// "anna j" finds "Anna Jensen": every hit starts so, and the count is a plain recount's.
			const prefix = target.name_key.slice(0, target.name_key.indexOf(' ') + 2);
			const byName = await timed('name', () => listQueue(db, secretariat, query({ status: 'all', q: prefix.toUpperCase(), pageSize: 200 })));
			expect(byName.total).toBe(await recount(db, 'substr(name_key, 1, ?) = ?', prefix.length, prefix));
			expect(byName.applications.every((a) => a.name.toLowerCase().startsWith(prefix))).toBe(true);
			const found = [];
			for (let page = 1; page <= Math.ceil(byName.total / 200); page++) {
				found.push(...(await listQueue(db, secretariat, query({ status: 'all', q: prefix, pageSize: 200, page }))).applications.map((a) => a.id));
			}
			expect(found).toContain(target.id);

			const digits = target.person_key.slice(4);
			const typed = `+45 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`;
			const byPhone = await timed('phone', () => listQueue(db, secretariat, query({ status: 'all', q: typed })));
			expect(byPhone.applications.map((a) => a.id)).toContain(target.id);
			expect(byPhone.total).toBe(await recount(db, 'person_key = ?', target.person_key));

			// A helper's phone finds every person she applied for.
			const helper = (await sql<{ person_key: string }>`SELECT person_key FROM applications WHERE person_key LIKE 'helper:%' LIMIT 1`.execute(db)).rows[0]!.person_key;
			const helperDigits = helper.split(':')[1]!;
			const byHelper = await listQueue(db, secretariat, query({ status: 'all', q: `${helperDigits.slice(0, 4)} ${helperDigits.slice(4)}` }));
			expect(byHelper.total).toBe(await recount(db, `(person_key = ? OR substr(person_key, 1, ?) = ?)`, `tel:${helperDigits}`, helperDigits.length + 8, `helper:${helperDigits}:`));
			expect(byHelper.total).toBeGreaterThan(0);

			// The audit log says what kind of search, never the term.
			const log = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'search-applications').execute();
			expect(log.map((l) => l.detail)).toEqual(expect.arrayContaining([`search: reference, 1 found`, `search: name, ${byName.total} found`, `search: phone, ${byPhone.total} found`]));
			const all = JSON.stringify(await db.selectFrom('audit_log').select(['detail']).execute());
			for (const term of [target.reference, prefix, digits, helperDigits]) expect(all.toLowerCase()).not.toContain(term.toLowerCase());
		});

		it('shows a consultant only their own, counted and searched within their scope', async () => {
			const page = await timed('consultant page', () => listQueue(db, consultant, query({ status: 'all' })));
			expect(page.total).toBe(await recount(db, 'consultant_id = ?', consultant.consultantId));
			const own = new Set(
				(await db.selectFrom('applications').select('id').where('consultant_id', '=', consultant.consultantId!).execute()).map((r) => r.id)
			);
			expect(page.applications.every((a) => own.has(a.id))).toBe(true);
			const waiting = await listQueue(db, consultant, query());
			expect(waiting.total).toBe(await recount(db, `${WAITING} AND consultant_id = ?`, consultant.consultantId));
			// Another consultant's application is not found by its reference.
			const other = (await db.selectFrom('applications').select('reference').where('consultant_id', '<>', consultant.consultantId!).executeTakeFirstOrThrow()).reference;
			expect((await listQueue(db, consultant, query({ q: other }))).total).toBe(0);
		});

		it("marks repeats with the person's count of applications in scope, and lists the person's others with where they are", async () => {
			const page = await listQueue(db, secretariat, query({ status: 'all', pageSize: 200 }));
			const keyed = await db.selectFrom('applications').select(['id', 'person_key']).where('id', 'in', page.applications.map((a) => a.id)).execute();
			const keyOf = new Map(keyed.map((r) => [r.id, r.person_key]));
			let repeats = 0;
			for (const row of page.applications) {
				const key = keyOf.get(row.id)!;
				expect(row.personApplications, row.reference).toBe(key ? await recount(db, 'person_key = ?', key) : 1);
				if (row.personApplications > 1) repeats++;
			}
			expect(repeats).toBeGreaterThan(0);
			// A consultant's count keeps to their scope.
			const theirs = await listQueue(db, consultant, query({ status: 'all', pageSize: 200 }));
			for (const row of theirs.applications.filter((a) => a.personApplications > 1).slice(0, 10)) {
				const key = (await db.selectFrom('applications').select('person_key').where('id', '=', row.id).executeTakeFirstOrThrow()).person_key;
				expect(row.personApplications).toBe(await recount(db, 'person_key = ? AND consultant_id = ?', key, consultant.consultantId));
			}

			// A person with several applications: the others, and the furthest step of them all.
			const person = (
				await sql<{ person_key: string }>`SELECT person_key FROM applications WHERE person_key IS NOT NULL GROUP BY person_key HAVING count(*) >= 3 ORDER BY person_key LIMIT 1`.execute(db)
			).rows[0]!.person_key;
			const apps = await db.selectFrom('applications').select(['id', 'reference']).where('person_key', '=', person).orderBy('received_at', 'desc').execute();
			const overview = await timed('person overview', () => personOverview(db, secretariat, apps[0]!.id), 100);
			expect(overview.others.map((o) => o.id)).toEqual(apps.slice(1).map((a) => a.id));
			const rank = ['outside-target-group', 'received', 'more-info', 'screened', 'conversation', 'internship', 'hired', 'follow-up'];
			const steps = await db.selectFrom('application_events').select(['application_id', 'status']).where('application_id', 'in', apps.map((a) => a.id)).execute();
			const best = Math.max(...steps.map((s) => rank.indexOf(s.status)));
			expect(overview.furthest?.status).toBe(rank[best]);
			expect(steps.some((s) => s.application_id === overview.furthest!.id && s.status === rank[best])).toBe(true);
		});

		it('counts and pages on the indexes, never by reading every application', async () => {
			const changes: Partial<QueueQuery>[] = [{}, { sort: 'newest', page: 40 }, { status: 'all', q: 'anna j' }, { status: 'all', q: '+45 12 34 56 78' }, { status: 'all', q: 'klt-482' }, { municipality: '330' }, { posting: 'p0001', status: 'all' }, { status: 'hired' }];
			for (const change of changes) {
				for (const staff of [secretariat, consultant]) {
					const { count, page } = queueQueries(db, staff, query(change));
					for (const built of [count, page]) {
						const compiled = built.compile();
						const explain = backend.name === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
						const result = await db.executeQuery<Record<string, string>>(CompiledQuery.raw(explain + compiled.sql, [...compiled.parameters]));
						const plan = result.rows.map((row) => row.detail ?? row['QUERY PLAN']).join('\n');
						if (process.env.SHOW_PLANS) console.log(`${backend.name} ${staff.role} ${JSON.stringify(change)}\n${compiled.sql}\n${plan}\n`);
						// A scan of the table (or of a whole index) reads every application; a search on an index does not.
						expect(plan, `${JSON.stringify(change)}: ${plan}`).not.toMatch(/SCAN applications|Seq Scan on applications/);
					}
				}
			}
	
			// A name on SQLite, which has no statistics here as in most deployments: the name's
			// covering index, not every waiting application by status (2 s at 1,000,000).
			if (backend.name === 'sqlite') {
				for (const change of [{ q: 'anna' }, { q: 'anna j', status: 'all' as const }, { q: 'jonas', status: 'received' as const }]) {
					for (const staff of [secretariat, consultant]) {
						const { count, page } = queueQueries(db, staff, query(change));
						for (const built of [count, page]) {
							const compiled = built.compile();
							const result = await db.executeQuery<{ detail: string }>(CompiledQuery.raw('EXPLAIN QUERY PLAN ' + compiled.sql, [...compiled.parameters]));
							const plan = result.rows.map((row) => row.detail).join('\n');
							expect(plan, `${JSON.stringify(change)}: ${plan}`).toMatch(/COVERING INDEX applications_name_search/);
						}
					}
				}
			}
		});
	});
}
