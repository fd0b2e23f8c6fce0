import { gzipSync } from 'node:zlib';
import { describe, expect, test, vi } from 'vitest';
import { parseChangesQuery, postingChanges as changesAtOnce, type ChangesQuery } from '$lib/server/posting-changes';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';

/** The tests read a change at once; the wait for changes to settle has its own test. */
const postingChanges = (db: Kysely<Database>, query: ChangesQuery) => changesAtOnce(db, query, { settleMs: 0 });
import { setPostingStatus } from '$lib/server/postings-admin';
import type { PostingChanges } from '$lib/jobs/changes';
import type { StaffMember } from '$lib/staff/roles';
import { backends, useSeededDatabase } from './backends';
import { addPostingCopies } from './many-postings';

const secretariat: StaffMember = { id: 's', email: 's@x', name: 'S', role: 'sekretariat', consultantId: null };

describe.each(backends)('the changes of postings for the phone\'s copy on $name', (backend) => {
	const database = useSeededDatabase(backend);

	/** A whole first copy, page by page as the service worker asks; the first page's cursor kept. */
	async function firstCopy(query: ChangesQuery) {
		const pages: PostingChanges[] = [];
		let after: string | undefined;
		do {
			const page = await postingChanges(database().db, { ...query, after });
			pages.push(page);
			after = page.next;
		} while (after);
		return { ids: pages.flatMap((page) => page.changed.map((job) => job.id)), cursor: pages[0]!.cursor, pages };
	}

	async function liveIn(region: string): Promise<string[]> {
		const rows = await database()
			.db.selectFrom('postings')
			.innerJoin('municipalities', 'municipalities.code', 'postings.municipality_code')
			.select('postings.id')
			.where('postings.status', '=', 'live')
			.where('municipalities.region', '=', region)
			.execute();
		return rows.map((row) => row.id).sort();
	}

	test('an unchanged refresh is a tiny answer', async () => {
		const { cursor } = await firstCopy({ region: 'Sjælland' });
		const answer = await postingChanges(database().db, { since: cursor, region: 'Sjælland' });
		expect(answer).toEqual({ changed: [], removed: [], elsewhere: [], cursor });
		expect(JSON.stringify(answer).length).toBeLessThanOrEqual(2048);
	});

	test('a paused posting comes as removed, live again it comes whole; one outside the region by id', async () => {
		const { db } = database();
		const region = 'Sjælland';
		const { cursor } = await firstCopy({ region });
		const [inside] = await liveIn(region);
		const [outside] = await liveIn('Hovedstaden');
		await setPostingStatus(db, secretariat, inside!, 'paused');
		const paused = await postingChanges(db, { since: cursor, region });
		expect(paused.removed).toEqual([inside]);
		expect(paused.changed).toEqual([]);

		await setPostingStatus(db, secretariat, inside!, 'live');
		await setPostingStatus(db, secretariat, outside!, 'live');
		const back = await postingChanges(db, { since: paused.cursor, region });
		expect(back.changed.map((job) => job.id)).toEqual([inside]);
		expect(back.changed[0]!.tasks.length).toBeGreaterThan(0);
		expect(back.elsewhere).toEqual([outside]);
		expect(back.removed).toEqual([]);
		// And then nothing more.
		expect(await postingChanges(db, { since: back.cursor, region })).toMatchObject({ changed: [], removed: [], elsewhere: [] });
	});

	test('a posting paused while the first copy is made is removed at the next refresh', async () => {
		const { db } = database();
		const region = 'Midtjylland';
		const first = await postingChanges(db, { region, limit: 10 });
		const early = first.changed[0]!.id;
		await setPostingStatus(db, secretariat, early, 'paused');
		const rest = await postingChanges(db, { region, after: first.next });
		expect(rest.changed.some((job) => job.id === early)).toBe(false);
		const refresh = await postingChanges(db, { since: first.cursor, region });
		expect(refresh.removed).toContain(early);
		await setPostingStatus(db, secretariat, early, 'live');
	});

	test('with 10,000 live postings the region copy holds every posting of the region, in bounded pages', async () => {
		const { db } = database();
		const copies = await addPostingCopies(db, 11_700, { withTasks: true });
		// The copies start live or paused; their changes are newer than the seed.
		const { n } = await db.selectFrom('postings').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'live').executeTakeFirstOrThrow();
		expect(Number(n)).toBeGreaterThanOrEqual(10_000);
		expect(copies.length).toBe(11_700);

		const region = 'Sjælland';
		const copy = await firstCopy({ region, lang: 'da' });
		expect(copy.ids.slice().sort()).toEqual(await liveIn(region));
		expect(new Set(copy.ids).size).toBe(copy.ids.length);
		for (const page of copy.pages) expect(page.changed.length).toBeLessThanOrEqual(500);

		const firstBytes = copy.pages.reduce((sum, page) => sum + gzipSync(JSON.stringify(page)).length, 0);
		const rawBytes = copy.pages.reduce((sum, page) => sum + JSON.stringify(page).length, 0);
		const unchanged = JSON.stringify(await postingChanges(db, { since: copy.cursor, region, lang: 'da' }));
		const all = await firstCopy({ lang: 'da' });
		const allBytes = all.pages.reduce((sum, page) => sum + gzipSync(JSON.stringify(page)).length, 0);
		console.log(
			`[${backend.name}] ${Number(n)} live postings; region ${region}: ${copy.ids.length} postings in ${copy.pages.length} pages, ` +
				`${rawBytes} B as JSON, ${firstBytes} B gzip; whole country ${all.ids.length} postings, ${allBytes} B gzip; ` +
				`unchanged refresh ${unchanged.length} B (${gzipSync(unchanged).length} B gzip)`
		);
		expect(unchanged.length).toBeLessThanOrEqual(2048);
	}, 180_000);

	test('a change still settling is not given out yet, and the cursor does not pass it', async () => {
		const { db } = database();
		const { cursor } = await firstCopy({ region: 'Syddanmark' });
		const [posting] = await db
			.selectFrom('postings')
			.innerJoin('municipalities', 'municipalities.code', 'postings.municipality_code')
			.select('postings.id')
			.where('municipalities.region', '=', 'Syddanmark')
			.where('postings.status', '=', 'live')
			.limit(1)
			.execute();
		const now = Date.now();
		await db.updateTable('postings').set({ status: 'paused', updated_at: new Date(now).toISOString() }).where('id', '=', posting!.id).execute();
		const early = await changesAtOnce(db, { since: cursor, region: 'Syddanmark' }, { now: now + 1_000 });
		expect(early).toEqual({ changed: [], removed: [], elsewhere: [], cursor });
		const later = await changesAtOnce(db, { since: early.cursor, region: 'Syddanmark' }, { now: now + 2_000 });
		expect(later.removed).toEqual([posting!.id]);
		await setPostingStatus(db, secretariat, posting!.id, 'live');
	});

	test('a change is stamped by the database\'s clock, so an app server whose clock is behind cannot hide it behind a cursor', async () => {
		const { cursor } = await firstCopy({ region: 'Sjælland' });
		const [id] = await liveIn('Sjælland');
		// This app server's clock is an hour behind the database's (and the other servers').
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(Date.now() - 3_600_000);
		try {
			await setPostingStatus(database().db, secretariat, id!, 'paused');
		} finally {
			vi.useRealTimers();
		}
		const answer = await postingChanges(database().db, { since: cursor, region: 'Sjælland' });
		expect(answer.removed).toContain(id);
		await setPostingStatus(database().db, secretariat, id!, 'live');
	});

	test('many changes come in pages, each at most the limit, none lost', async () => {
		const { db } = database();
		const { cursor } = await firstCopy({ region: 'Nordjylland', limit: 500 });
		const ids = (await db.selectFrom('postings').select('id').where('id', 'like', 'x%').where('status', '=', 'live').orderBy('id').limit(1200).execute()).map((row) => row.id);
		await db.updateTable('postings').set({ status: 'paused', updated_at: new Date().toISOString() }).where('id', 'in', ids).execute();
		const removed: string[] = [];
		let since: string | undefined = cursor;
		let pages = 0;
		while (since) {
			const page: PostingChanges = await postingChanges(db, { since, region: 'Nordjylland', limit: 500 });
			expect(page.removed.length + page.changed.length + page.elsewhere.length).toBeLessThanOrEqual(500);
			removed.push(...page.removed);
			since = page.next;
			pages++;
		}
		expect(pages).toBe(3);
		expect(removed.sort()).toEqual(ids);
	});
});

describe('the changes query', () => {
	test('bad or unknown parameters are named, never guessed', () => {
		expect(parseChangesQuery(new URLSearchParams('since=yesterday'))).toMatchObject({ ok: false, errors: { since: expect.any(String) } });
		expect(parseChangesQuery(new URLSearchParams('region=Mars'))).toMatchObject({ ok: false, errors: { region: expect.any(String) } });
		expect(parseChangesQuery(new URLSearchParams('limit=501'))).toMatchObject({ ok: false, errors: { limit: expect.any(String) } });
		expect(parseChangesQuery(new URLSearchParams('since=2026-12-02T10:00:00.000Z&after=p0001'))).toMatchObject({ ok: false, errors: { after: expect.any(String) } });
		expect(parseChangesQuery(new URLSearchParams('foo=1'))).toMatchObject({ ok: false, errors: { foo: 'Unknown parameter.' } });
		expect(parseChangesQuery(new URLSearchParams('since=2026-12-02T10:00:00.000Z|p0001&region=Sj%C3%A6lland&lang=ar'))).toMatchObject({ ok: true });
	});
});
