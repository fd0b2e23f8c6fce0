import { describe, expect, test } from 'vitest';
import { listPostingsForStaff } from '$lib/server/postings-admin';
import { addSyntheticApplications } from '$lib/server/db/synthetic';
import { parseStaffPostingsQuery, staffPostingsHref, STAFF_POSTINGS_PAGE_SIZE } from '$lib/staff/postings-list';
import { normaliseForSearch } from '$lib/jobs/search';
import type { StaffMember } from '$lib/staff/roles';
import { backends, useSeededDatabase } from './backends';
import { addPostingCopies } from './many-postings';

const secretariat: StaffMember = { id: 's', email: 's@x', name: 'S', role: 'sekretariat', consultantId: null };

describe.each(backends)('the staff postings list at 10,000 postings on $name', (backend) => {
	const database = useSeededDatabase(backend);
	let all: { id: string; status: string; municipality_code: string; job_type_id: string; search_text: string; consultant_id: string }[] = [];

	test('is filled with over 10,000 postings and applications to them', async () => {
		const { db } = database();
		await addPostingCopies(db, 10_000);
		// A posting that only the search can find, by employer and by place.
		await db
			.updateTable('postings')
			.set({ employer: 'Solsikkebageriet', place: 'Solsikkebageriet, Kværkeby', search_text: 'pak brød solsikkebageriet kværkeby ringsted' })
			.where('id', '=', 'x04242')
			.execute();
		await addSyntheticApplications(db, { count: 3000, seed: 7 });
		all = await db
			.selectFrom('postings')
			.innerJoin('municipalities', 'municipalities.code', 'postings.municipality_code')
			.select(['postings.id', 'postings.status', 'postings.municipality_code', 'postings.job_type_id', 'postings.search_text', 'municipalities.consultant_id'])
			.execute();
		expect(all.length).toBeGreaterThanOrEqual(10_000);
	}, 120_000);

	test('paging reaches the last posting, every posting once, and the count equals a recount', async () => {
		const { db } = database();
		const first = await listPostingsForStaff(db, secretariat, {});
		expect(first.total).toBe(all.length);
		expect(first.postings).toHaveLength(STAFF_POSTINGS_PAGE_SIZE);
		expect([first.first, first.last]).toEqual([1, 50]);
		expect(first.pages).toBe(Math.ceil(all.length / STAFF_POSTINGS_PAGE_SIZE));

		const seen = new Set<string>();
		for (let page = 1; page <= first.pages; page++) {
			const result = await listPostingsForStaff(db, secretariat, { side: page });
			for (const posting of result.postings) seen.add(posting.id);
		}
		expect(seen.size).toBe(all.length);

		const last = await listPostingsForStaff(db, secretariat, { side: first.pages });
		expect(last.last).toBe(all.length);
		expect(last.first).toBe((first.pages - 1) * STAFF_POSTINGS_PAGE_SIZE + 1);
		// An old link past the end shows the last page.
		expect((await listPostingsForStaff(db, secretariat, { side: first.pages + 10 })).page).toBe(first.pages);
	}, 120_000);

	test('filters count as a recount does: municipality, job type, status together', async () => {
		const { db } = database();
		const query = { kommune: '330', type: 'retail', status: 'live' } as const;
		const expected = all.filter((p) => p.municipality_code === '330' && p.job_type_id === 'retail' && p.status === 'live');
		const result = await listPostingsForStaff(db, secretariat, query);
		expect(expected.length).toBeGreaterThan(0);
		expect(result.total).toBe(expected.length);
		const found = new Set<string>();
		for (let page = 1; page <= result.pages; page++) {
			for (const posting of (await listPostingsForStaff(db, secretariat, { ...query, side: page })).postings) found.add(posting.id);
		}
		expect(found).toEqual(new Set(expected.map((p) => p.id)));
		const paused = await listPostingsForStaff(db, secretariat, { status: 'paused' });
		expect(paused.total).toBe(all.filter((p) => p.status === 'paused').length);
		expect(paused.postings.every((p) => p.status === 'paused')).toBe(true);
	});

	test('search finds by employer and by place, all words must match, and counts as a recount', async () => {
		const { db } = database();
		expect((await listPostingsForStaff(db, secretariat, { q: 'Solsikkebageriet' })).postings.map((p) => p.id)).toEqual(['x04242']);
		expect((await listPostingsForStaff(db, secretariat, { q: 'kværkeby' })).postings.map((p) => p.id)).toEqual(['x04242']);
		expect((await listPostingsForStaff(db, secretariat, { q: 'solsikkebageriet aarhus' })).total).toBe(0);
		const word = 'butik';
		const result = await listPostingsForStaff(db, secretariat, { q: word });
		expect(result.total).toBe(all.filter((p) => p.search_text.includes(normaliseForSearch(word))).length);
	});

	test('the number of applications per posting equals a recount', async () => {
		const { db } = database();
		const rows = await db.selectFrom('applications').select(['posting_id']).where('posting_id', 'is not', null).execute();
		const recount = new Map<string, number>();
		for (const row of rows) recount.set(row.posting_id!, (recount.get(row.posting_id!) ?? 0) + 1);
		let withApplications = 0;
		for (const page of [1, 2, 3]) {
			for (const posting of (await listPostingsForStaff(db, secretariat, { side: page })).postings) {
				expect(posting.applications, posting.id).toBe(recount.get(posting.id) ?? 0);
				if (posting.applications > 0) withApplications++;
			}
		}
		// The seeded postings are older than the copies; look at them too.
		for (const posting of (await listPostingsForStaff(db, secretariat, { q: '', side: 200 })).postings) {
			expect(posting.applications, posting.id).toBe(recount.get(posting.id) ?? 0);
			if (posting.applications > 0) withApplications++;
		}
		expect(withApplications).toBeGreaterThan(0);
	});

	test('a consultant sees only their own municipalities, and counts only their own applications', async () => {
		const { db } = database();
		const consultant = all[0]!.consultant_id;
		const staff: StaffMember = { id: 'k', email: 'k@x', name: 'K', role: 'konsulent', consultantId: consultant };
		const result = await listPostingsForStaff(db, staff, {});
		expect(result.total).toBe(all.filter((p) => p.consultant_id === consultant).length);
		const own = new Set(all.filter((p) => p.consultant_id === consultant).map((p) => p.id));
		expect(result.postings.every((p) => own.has(p.id))).toBe(true);
		const foreign = all.find((p) => p.consultant_id !== consultant)!;
		expect((await listPostingsForStaff(db, staff, { kommune: foreign.municipality_code })).total).toBe(0);
		const theirs = await db.selectFrom('applications').select('posting_id').where('consultant_id', '=', consultant).where('posting_id', 'in', result.postings.map((p) => p.id)).execute();
		expect(result.postings.reduce((sum, p) => sum + p.applications, 0)).toBe(theirs.length);
	});
});

describe('the staff postings query in the URL', () => {
	test('a bad value gets its own translated message; empty fields are no filter', () => {
		expect(parseStaffPostingsQuery(new URLSearchParams('kommune=999'))).toEqual({ ok: false, message: 'staff.postings.errors.municipality' });
		expect(parseStaffPostingsQuery(new URLSearchParams('type=astronaut'))).toEqual({ ok: false, message: 'staff.postings.errors.jobType' });
		expect(parseStaffPostingsQuery(new URLSearchParams('status=gone'))).toEqual({ ok: false, message: 'staff.postings.errors.status' });
		expect(parseStaffPostingsQuery(new URLSearchParams('side=0'))).toEqual({ ok: false, message: 'staff.postings.errors.page' });
		expect(parseStaffPostingsQuery(new URLSearchParams('side=abc'))).toEqual({ ok: false, message: 'staff.postings.errors.page' });
		expect(parseStaffPostingsQuery(new URLSearchParams(`q=${'a'.repeat(101)}`))).toEqual({ ok: false, message: 'staff.postings.errors.search' });
		expect(parseStaffPostingsQuery(new URLSearchParams('q=&kommune=&type=&status=&side='))).toEqual({ ok: true, query: {} });
	});

	test('the pager keeps the filters', () => {
		expect(staffPostingsHref({ q: 'bager', kommune: '330', status: 'live', side: 3 }, 4)).toBe('/personale/opslag?q=bager&kommune=330&status=live&side=4');
		expect(staffPostingsHref({}, 1)).toBe('/personale/opslag');
	});
});
