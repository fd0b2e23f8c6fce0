import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { KlapjobDatabase } from '$lib/outbox/db';
import { parseChangesQuery, postingChanges } from '$lib/server/posting-changes';
import { getJob, listJobTypes } from '$lib/server/jobs';
import { setPostingStatus } from '$lib/server/postings-admin';
import type { Language } from '$lib/i18n/languages';
import type { StaffMember } from '$lib/staff/roles';
import { REFRESH_AFTER_MS, copyIsOld, refreshPostings, rememberChoice } from '../../service-worker/postings';
import { backends, useSeededDatabase } from './backends';
import { addPostingCopies } from './many-postings';

const secretariat: StaffMember = { id: 's', email: 's@x', name: 'S', role: 'sekretariat', consultantId: null };

describe('the offline copy of the postings (made by the service worker, read by the pages)', () => {
	const database = useSeededDatabase(backends[0]!);
	const requests: string[] = [];
	let down = false;

	/** The real API's logic behind a fetch, as the service worker sees it. */
	const api = (async (url: string) => {
		requests.push(url);
		if (down) return new Response('{}', { status: 503 });
		const { pathname, searchParams } = new URL(url, 'http://phone');
		const { db } = database();
		const lang = (searchParams.get('lang') ?? 'da') as Language;
		let body: unknown;
		if (pathname === '/api/jobs/changes') {
			const parsed = parseChangesQuery(searchParams);
			if (!parsed.ok) return new Response(JSON.stringify(parsed.errors), { status: 400 });
			// Changes read at once: the wait for them to settle is tested in posting-changes.test.ts.
			body = await postingChanges(db, parsed.query, { settleMs: 0 });
		} else if (pathname === '/api/job-types') body = { jobTypes: await listJobTypes(db, lang) };
		else {
			const job = await getJob(db, decodeURIComponent(pathname.slice('/api/jobs/'.length)), lang);
			if (!job) return new Response('{}', { status: 404 });
			body = job;
		}
		return new Response(JSON.stringify(body));
	}) as typeof fetch;

	async function liveIn(region: string | null): Promise<string[]> {
		let query = database()
			.db.selectFrom('postings')
			.innerJoin('municipalities', 'municipalities.code', 'postings.municipality_code')
			.select('postings.id')
			.where('postings.status', '=', 'live');
		if (region) query = query.where('municipalities.region', '=', region);
		return (await query.execute()).map((row) => row.id).sort();
	}

	async function kept(phone: KlapjobDatabase, lang: Language = 'da'): Promise<string[]> {
		return (await phone.postings.where('lang').equals(lang).toArray()).map((job) => job.id).sort();
	}

	test('without a known region the copy holds every live posting, and waits 10 minutes before asking again', async () => {
		const phone = new KlapjobDatabase('copy-all');
		let now = 1_000_000;
		const clock = () => now;
		const count = await refreshPostings('da', { db: phone, fetch: api, now: clock });
		expect(count).toBe((await liveIn(null)).length);
		expect(await kept(phone)).toEqual(await liveIn(null));
		expect((await phone.jobTypes.get('da'))?.region).toBeNull();

		now += REFRESH_AFTER_MS - 1;
		requests.length = 0;
		expect(await refreshPostings('da', { db: phone, fetch: api, now: clock })).toBe(0);
		expect(requests).toEqual([]);
	});

	test('with 10,000 live postings and a chosen region the copy holds every posting of that region, the opened ones, and is refreshed by changes only', async () => {
		const { db } = database();
		await addPostingCopies(db, 11_700, { withTasks: true });
		const phone = new KlapjobDatabase('copy-region');
		let now = 5_000_000;
		const clock = () => now;
		// The person looked at a posting in Hovedstaden, then chose Sjælland in the list.
		const [elsewhere] = await liveIn('Hovedstaden');
		await rememberChoice(new URL(`http://phone/job/${elsewhere}`), phone, clock);
		await rememberChoice(new URL('http://phone/job?region=Sj%C3%A6lland'), phone, clock);
		const region = await liveIn('Sjælland');
		expect(region.length).toBeGreaterThan(500);
		await refreshPostings('da', { db: phone, fetch: api, now: clock });
		expect(await kept(phone)).toEqual([...region, elsewhere!].sort());
		expect((await phone.jobTypes.get('da'))?.region).toBe('Sjælland');

		// Nothing changed: one small answer.
		now += REFRESH_AFTER_MS;
		requests.length = 0;
		await refreshPostings('da', { db: phone, fetch: api, now: clock });
		expect(requests.filter((url) => url.startsWith('/api/jobs/changes'))).toHaveLength(1);
		expect(requests[0]).toContain('since=');

		// A posting paused by staff leaves the copy at the next refresh.
		await setPostingStatus(db, secretariat, region[0]!, 'paused');
		now += REFRESH_AFTER_MS;
		await refreshPostings('da', { db: phone, fetch: api, now: clock });
		expect(await kept(phone)).toEqual([...region.slice(1), elsewhere!].sort());

		// Choosing a municipality in another region makes a new copy of that region.
		await rememberChoice(new URL('http://phone/job?municipality=851'), phone, clock);
		expect(await copyIsOld('da', { db: phone, now: clock })).toBe(true);
		await refreshPostings('da', { db: phone, fetch: api, now: clock });
		expect(await kept(phone)).toEqual([...(await liveIn('Nordjylland')), elsewhere!].sort());	}, 120_000);

	test('"Hele Danmark" forgets the chosen region, so the next copy is of the whole country; a plain /job keeps it', async () => {
		const phone = new KlapjobDatabase('copy-choice');
		let now = 9_000_000;
		const clock = () => now;
		await rememberChoice(new URL('http://phone/job?region=Sj%C3%A6lland'), phone, clock);
		await refreshPostings('da', { db: phone, fetch: api, now: clock });
		expect((await phone.jobTypes.get('da'))?.region).toBe('Sjælland');
		await rememberChoice(new URL('http://phone/job'), phone, clock);
		expect(await copyIsOld('da', { db: phone, now: clock })).toBe(false);
		await rememberChoice(new URL('http://phone/job?sted=alle'), phone, clock);
		expect(await phone.copyChoice.get('region')).toBeUndefined();
		expect(await copyIsOld('da', { db: phone, now: clock })).toBe(true);
		now += 1;
		await refreshPostings('da', { db: phone, fetch: api, now: clock });
		expect((await phone.jobTypes.get('da'))?.region).toBeNull();
		expect(await kept(phone)).toEqual(await liveIn(null));
	}, 120_000);

	test('a failed download leaves the old copy whole', async () => {
		const phone = new KlapjobDatabase('copy-region');
		await phone.jobTypes.update('da', { savedAt: 0 });
		const before = await kept(phone);
		expect(before.length).toBeGreaterThan(0);
		down = true;
		try {
			expect(await refreshPostings('da', { db: phone, fetch: api })).toBe(0);
		} finally {
			down = false;
		}
		expect(await kept(phone)).toEqual(before);
	});

	test('each language has its own copy', async () => {
		const phone = new KlapjobDatabase('copy-region');
		await refreshPostings('en', { db: phone, fetch: api });
		expect((await phone.postings.where('lang').equals('en').first())?.jobTypeName).toMatch(/[A-Za-z]/);
		expect((await kept(phone, 'en')).length).toBe((await kept(phone, 'da')).length);
	});
});
