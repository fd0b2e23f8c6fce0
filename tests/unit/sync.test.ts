import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KlapjobDatabase } from '$lib/outbox/db';
import { BACKOFF_MAX_MS, backoffDelay, outcomeOf, retryDelay, sendTimeLimit } from '$lib/outbox/retry-policy';
import { makeAllDue, nextDueAt, queueReply, queueWithdrawal, syncOutbox } from '$lib/outbox/sync';
import { applicationSchema, type Application } from '$lib/application/schema';
import { validApplication } from './fixtures';

describe('the retry policy', () => {
	test.each([
		[201, 'sent'],
		[200, 'sent'],
		[400, 'fix'],
		[413, 'fix'],
		[422, 'fix'],
		[404, 'fix'],
		[408, 'retry'],
		[409, 'retry'],
		[429, 'retry'],
		[500, 'retry'],
		[503, 'retry'],
		['network-error', 'retry']
	] as const)('%s → %s', (status, outcome) => {
		expect(outcomeOf(status)).toBe(outcome);
	});

	test.each([
		[1, 0, 1_000],
		[1, 1, 2_000],
		[2, 0, 2_000],
		[3, 1, 8_000],
		[20, 0, BACKOFF_MAX_MS / 2],
		[20, 1, BACKOFF_MAX_MS]
	])('after %i attempts with random %d the wait is %i ms', (attempts, random, expected) => {
		expect(backoffDelay(attempts, () => random)).toBe(expected);
	});

	test.each([
		['an application alone', 3_000, 20_000, 21_000],
		['one with the longest voice message', 490_000, 120_000, 180_000]
	])('a send of %s (%i bytes) gets between %i and %i ms', (_what, bytes, atLeast, atMost) => {
		expect(sendTimeLimit(bytes)).toBeGreaterThanOrEqual(atLeast);
		expect(sendTimeLimit(bytes)).toBeLessThanOrEqual(atMost);
	});

	test('a Retry-After from the server wins, within the cap', () => {
		expect(retryDelay(1, 7, () => 0)).toBe(7_000);
		expect(retryDelay(1, 3600, () => 0)).toBe(BACKOFF_MAX_MS);
		expect(retryDelay(3, null, () => 0)).toBe(4_000);
	});
});

describe('the sync engine', () => {
	let db: KlapjobDatabase;
	let now = 1_000_000;

	beforeEach(() => {
		db = new KlapjobDatabase(`test-${crypto.randomUUID()}`);
	});
	afterEach(async () => {
		db.close();
		await db.delete();
	});

	async function queue(application: Application = applicationSchema.parse(validApplication())) {
		await db.outbox.put({
			id: application.id,
			application,
			postingTitle: 'Pak brød i bageren',
			state: 'waiting',
			attempts: 0,
			nextAttemptAt: now,
			queuedAt: now
		});
		return application;
	}

	/**
	 * A server that answers with the given statuses in turn and records what it got.
	 * 'hang': takes the request and never answers, even when the request is cancelled
	 * (so the engine cannot count on the cancel); 'stall': sends a 201's headers, never its body.
	 */
	function server(...statuses: (number | 'down' | 'hang' | 'stall')[]) {
		const received: { key: string | null; body: Application }[] = [];
		const signals: AbortSignal[] = [];
		const fakeFetch = (async (_url: string, init: RequestInit) => {
			const status = statuses.shift() ?? 201;
			if (status === 'down') throw new TypeError('Failed to fetch');
			const body = JSON.parse(String(init.body)) as Application;
			received.push({ key: new Headers(init.headers).get('idempotency-key'), body });
			signals.push(init.signal!);
			if (status === 'hang') return new Promise<never>(() => {});
			if (status === 'stall') return new Response(new ReadableStream({ start() {} }), { status: 201 });
			if (status < 300) return Response.json({ reference: 'KLT-482', statusToken: 'token-123456789012345678', status: 'received' }, { status });
			return Response.json({ error: 'x', code: 'errors.invalid', codes: { phone: 'errors.phone' } }, { status });
		}) as typeof globalThis.fetch;
		return { fetch: fakeFetch, received, signals };
	}

	test('a sent application leaves only a receipt: no name, no phone, no answers', async () => {
		const application = await queue();
		const { fetch, received } = server(201);
		const report = await syncOutbox({ db, fetch, now: () => now });
		expect(report).toEqual({ sent: 1, needsFix: 0, retrying: 0, skipped: false });
		expect(received).toEqual([{ key: application.id, body: application }]);
		expect(await db.outbox.count()).toBe(0);
		const receipts = await db.receipts.toArray();
		expect(receipts).toEqual([
			{ id: application.id, reference: 'KLT-482', statusToken: 'token-123456789012345678', status: 'received', postingTitle: 'Pak brød i bageren', sentAt: now, label: null }
		]);
		expect(JSON.stringify(receipts)).not.toContain(application.name);
	});

	test('on a shared phone the receipt keeps the helper\'s label; the label is never sent', async () => {
		const application = await queue();
		await db.outbox.update(application.id, { label: 'Værelse 4' });
		const { fetch, received } = server(201);
		await syncOutbox({ db, fetch, now: () => now });
		expect(JSON.stringify(received)).not.toContain('Værelse 4');
		expect((await db.receipts.get(application.id))!.label).toBe('Værelse 4');
	});

	test('an application handed over before it went is sent once and leaves no receipt and no status link', async () => {
		const application = await queue();
		await db.outbox.update(application.id, { label: 'Anna', handedOver: true });
		const { fetch, received } = server(201);
		expect((await syncOutbox({ db, fetch, now: () => now })).sent).toBe(1);
		expect(received.map((r) => r.key)).toEqual([application.id]);
		expect(await db.outbox.count()).toBe(0);
		expect(await db.receipts.count()).toBe(0);
	});

	test('no connection: it waits with backoff and sends with the same key later', async () => {
		const application = await queue();
		const { fetch, received } = server('down', 503, 200);
		expect((await syncOutbox({ db, fetch, now: () => now, random: () => 0 })).retrying).toBe(1);
		let item = (await db.outbox.get(application.id))!;
		expect(item).toMatchObject({ state: 'waiting', attempts: 1, nextAttemptAt: now + 1_000 });

		// Not due yet: nothing is sent.
		expect((await syncOutbox({ db, fetch, now: () => now + 500 })).retrying).toBe(0);

		now += 1_000;
		expect((await syncOutbox({ db, fetch, now: () => now, random: () => 0 })).retrying).toBe(1);
		item = (await db.outbox.get(application.id))!;
		expect(item).toMatchObject({ attempts: 2, nextAttemptAt: now + 2_000 });

		now += 2_000;
		expect((await syncOutbox({ db, fetch, now: () => now })).sent).toBe(1);
		expect(received.map((r) => r.key)).toEqual([application.id, application.id]);
		expect(await db.outbox.count()).toBe(0);
	});

	test('a 4xx goes back to the person with what to fix, and is not retried', async () => {
		const application = await queue();
		const { fetch, received } = server(400);
		expect((await syncOutbox({ db, fetch, now: () => now })).needsFix).toBe(1);
		expect(await db.outbox.get(application.id)).toMatchObject({ state: 'needs-fix', fieldErrors: { phone: 'errors.phone' } });
		now += 10 * 60_000;
		await syncOutbox({ db, fetch, now: () => now });
		expect(received).toHaveLength(1);
	});

	test('when the server is down, the other waiting applications wait too', async () => {
		const first = await queue();
		now += 1;
		const second = await queue();
		const { fetch, received } = server('down');
		await syncOutbox({ db, fetch, now: () => now, random: () => 0 });
		expect(received).toHaveLength(0);
		const [a, b] = [await db.outbox.get(first.id), await db.outbox.get(second.id)];
		expect(a!.nextAttemptAt).toBeGreaterThan(now);
		expect(b!.nextAttemptAt).toBe(a!.nextAttemptAt);
	});

	test('two syncs at once send each application once', async () => {
		await queue();
		now += 1;
		await queue();
		const { fetch, received } = server(201, 201, 201, 201);
		const [one, two] = await Promise.all([syncOutbox({ db, fetch, now: () => now }), syncOutbox({ db, fetch, now: () => now })]);
		expect([one.skipped, two.skipped].sort()).toEqual([false, true]);
		expect(received).toHaveLength(2);
		expect(await db.receipts.count()).toBe(2);
	});
	test.each(['hang', 'stall'] as const)(
		'a send whose answer never comes (%s) is given up after its time limit, and sent again later with the same key',
		async (how) => {
			const application = await queue();
			const { fetch, received, signals } = server(how, 201);
			const started = Date.now();
			const sync = syncOutbox({ db, fetch, now: () => now, random: () => 0, sendTimeLimit: () => 200 });
			// Meanwhile the person sees it is being sent.
			await expect.poll(async () => (await db.outbox.get(application.id))?.state).toBe('sending');
			expect(await sync).toEqual({ sent: 0, needsFix: 0, retrying: 1, skipped: false });
			expect(Date.now() - started).toBeGreaterThanOrEqual(190);
			expect(Date.now() - started).toBeLessThan(2_000);
			// Not left "sending": it waits for its next try, and the hung request is cancelled.
			expect(await db.outbox.get(application.id)).toMatchObject({ state: 'waiting', attempts: 1, nextAttemptAt: now + 1_000 });
			expect(signals[0]!.aborted).toBe(true);

			now += 1_000;
			expect((await syncOutbox({ db, fetch, now: () => now, sendTimeLimit: () => 200 })).sent).toBe(1);
			expect(received.map((r) => r.key)).toEqual([application.id, application.id]);
			expect(await db.outbox.count()).toBe(0);
			expect(await db.receipts.count()).toBe(1);
		}
	);

	test('the time limit grows with the body: a voice message on a slow line is not cut off', async () => {
		const application = await queue();
		const limits: number[] = [];
		const { fetch } = server(201);
		await syncOutbox({ db, fetch, now: () => now, sendTimeLimit: (bytes) => (limits.push(bytes), sendTimeLimit(bytes)) });
		expect(limits).toEqual([new TextEncoder().encode(JSON.stringify(application)).length]);
	});

	test('a 2xx whose receipt cannot be read is asked for again, never lost', async () => {
		const application = await queue();
		const answers = [new Response('<html>proxy</html>', { status: 200 })];
		const { fetch: good } = server(200);
		const fetch = (async (url: string, init: RequestInit) => answers.shift() ?? good(url, init)) as typeof globalThis.fetch;
		expect((await syncOutbox({ db, fetch, now: () => now, random: () => 0 })).retrying).toBe(1);
		expect(await db.outbox.get(application.id)).toMatchObject({ state: 'waiting', attempts: 1 });
		now += 1_000;
		expect((await syncOutbox({ db, fetch, now: () => now })).sent).toBe(1);
		expect(await db.receipts.get(application.id)).toMatchObject({ reference: 'KLT-482' });
	});

	test('a withdrawal made offline waits in the outbox and reaches the server exactly once when the line is back', async () => {
		const application = await queue();
		const token = 'token-123456789012345678';
		let online = true;
		const withdrawals: { url: string; body: unknown }[] = [];
		const fetch = (async (url: string, init: RequestInit) => {
			if (!online) throw new TypeError('Failed to fetch');
			if (url.endsWith('/api/withdrawals')) {
				withdrawals.push({ url, body: JSON.parse(String(init.body)) });
				return Response.json({ status: 'withdrawn' }, { status: withdrawals.length === 1 ? 201 : 200 });
			}
			return Response.json({ reference: 'KLT-482', statusToken: token, status: 'received' }, { status: 201 });
		}) as typeof globalThis.fetch;
		await syncOutbox({ db, fetch, now: () => now });
		expect(await db.receipts.get(application.id)).toMatchObject({ statusToken: token });

		online = false;
		const item = await queueWithdrawal(db, token, now);
		// Asked twice (a double tap): still one withdrawal.
		expect((await queueWithdrawal(db, token, now)).id).toBe(item.id);
		expect(item).toMatchObject({ receiptId: application.id, state: 'waiting' });
		expect(JSON.stringify(item)).not.toContain(application.name);
		expect((await syncOutbox({ db, fetch, now: () => now, random: () => 0 })).retrying).toBe(1);
		expect(await db.withdrawals.get(item.id)).toMatchObject({ attempts: 1, state: 'waiting' });
		expect(await nextDueAt(db)).toBe(now + 1_000);

		online = true;
		await makeAllDue(db, now);
		// Two tabs, or the page and the service worker, at once: sent once.
		await Promise.all([syncOutbox({ db, fetch, now: () => now }), syncOutbox({ db, fetch, now: () => now })]);
		await syncOutbox({ db, fetch, now: () => now });
		expect(withdrawals).toEqual([{ url: '/api/withdrawals', body: { id: item.id, token } }]);
		expect(await db.withdrawals.count()).toBe(0);
		expect(await db.receipts.get(application.id)).toMatchObject({ status: 'withdrawn', withdrawnAt: now });
		expect(await nextDueAt(db)).toBeNull();
	});

	test('a reply given offline waits, reaches the server exactly once when the line is back, and leaves nothing', async () => {
		const token = 'token-123456789012345678';
		let online = false;
		const replies: { url: string; body: unknown }[] = [];
		const fetch = (async (url: string, init: RequestInit) => {
			if (!online) throw new TypeError('Failed to fetch');
			replies.push({ url, body: JSON.parse(String(init.body)) });
			return Response.json({ ok: true }, { status: replies.length === 1 ? 201 : 200 });
		}) as typeof globalThis.fetch;
		const yes = await queueReply(db, { kind: 'suggestion', token, subject: 's1', body: { suggestionId: 's1', answer: 'yes' } }, now - 1);
		// A double tap: still one reply for that question.
		expect((await queueReply(db, { kind: 'suggestion', token, subject: 's1', body: { suggestionId: 's1', answer: 'no' } }, now)).id).toBe(yes.id);
		const checkIn = await queueReply(db, { kind: 'check-in', token, subject: 'check-in', body: { stillWorking: 'yes' } }, now);
		expect((await syncOutbox({ db, fetch, now: () => now, random: () => 0 })).retrying).toBe(1);
		expect(await db.replies.get(yes.id)).toMatchObject({ attempts: 1, state: 'waiting' });

		online = true;
		await makeAllDue(db, now);
		await Promise.all([syncOutbox({ db, fetch, now: () => now }), syncOutbox({ db, fetch, now: () => now })]);
		await syncOutbox({ db, fetch, now: () => now });
		expect(replies).toEqual([
			{ url: '/api/suggestion-answers', body: { suggestionId: 's1', answer: 'yes', id: yes.id, token } },
			{ url: '/api/check-ins', body: { stillWorking: 'yes', id: checkIn.id, token } }
		]);
		expect(await db.replies.count()).toBe(0);
		expect(await nextDueAt(db)).toBeNull();
	});

	test('a reply the server refuses is kept with its code and not sent again', async () => {
		let calls = 0;
		const fetch = (async () => {
			calls += 1;
			return Response.json({ code: 'errors.suggestionGone' }, { status: 404 });
		}) as typeof globalThis.fetch;
		const item = await queueReply(db, { kind: 'suggestion', token: 'token-123456789012345678', subject: 's2', body: { suggestionId: 's2', answer: 'no' } }, now);
		expect((await syncOutbox({ db, fetch, now: () => now })).needsFix).toBe(1);
		expect(await db.replies.get(item.id)).toMatchObject({ state: 'refused', errorCode: 'errors.suggestionGone' });
		await makeAllDue(db, now);
		await syncOutbox({ db, fetch, now: () => now });
		expect(calls).toBe(1);
		expect(await nextDueAt(db)).toBeNull();
	});
});
