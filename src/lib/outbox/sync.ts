import { LATE, withinTimeLimit } from '$lib/network/time-limit';
import { REPLY_PATHS, type KlapjobDatabase, type OutboxItem, type Receipt, type ReplyItem, type ReplyKind, type WithdrawalItem } from './db';
import { outcomeOf, retryDelay, sendTimeLimit } from './retry-policy';

export interface SyncDependencies {
	db: KlapjobDatabase;
	fetch: typeof fetch;
	/** Where the API lives; '' in the page and the service worker (same origin). */
	baseUrl?: string;
	now?: () => number;
	random?: () => number;
	/** How long a send of this many bytes may take (retry-policy.ts). */
	sendTimeLimit?: (bodyBytes: number) => number;
}

export interface SyncReport {
	sent: number;
	needsFix: number;
	retrying: number;
	/** Another tab or the service worker was already syncing. */
	skipped: boolean;
}

const LOCK_NAME = 'klapjob-outbox-sync';

/** Items that may be sent now. "sending" ones were cut off (a closed tab): send again. */
async function dueItems(db: KlapjobDatabase, now: number): Promise<OutboxItem[]> {
	const items = await db.outbox.where('state').anyOf('waiting', 'sending').toArray();
	return items.filter((item) => item.nextAttemptAt <= now).sort((a, b) => a.queuedAt - b.queuedAt);
}

interface ServerAnswer {
	status: number;
	retryAfter: string | null;
	body: unknown;
}

/** The server's answer, or undefined when none came in time (no connection, or a line that hangs). */
async function post(path: string, body: string, headers: Record<string, string>, deps: Required<SyncDependencies>): Promise<ServerAnswer | undefined> {
	const controller = new AbortController();
	const exchange = (async () => {
		const response = await deps.fetch(`${deps.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
			signal: controller.signal
		});
		// The body is part of the answer: a line can hang halfway through it too.
		const text = await response.text();
		return { status: response.status, retryAfter: response.headers.get('retry-after'), body: parseJson(text) };
	})();
	const answer = await withinTimeLimit(exchange, deps.sendTimeLimit(new TextEncoder().encode(body).length)).catch(() => undefined);
	if (answer !== LATE) return answer;
	// Given up: the request is cancelled, and the same key makes the next try safe.
	controller.abort();
	return undefined;
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

async function sendOne(item: OutboxItem, deps: Required<SyncDependencies>): Promise<'sent' | 'fix' | 'retry'> {
	const { db } = deps;
	await db.outbox.update(item.id, { state: 'sending' });
	const answer = await post(
		'/api/applications',
		JSON.stringify(item.application),
		{ 'idempotency-key': item.id, 'accept-language': item.application.language },
		deps
	);
	const outcome = outcomeOf(answer ? answer.status : 'network-error');
	const receiptBody = answer?.body as { reference?: string; statusToken?: string; status?: string } | undefined;

	// A 2xx whose receipt cannot be read is asked for again: the same key gives the same receipt.
	if (outcome === 'sent' && receiptBody?.reference && receiptBody.statusToken && receiptBody.status) {
		const receipt: Receipt = {
			id: item.id,
			reference: receiptBody.reference,
			statusToken: receiptBody.statusToken,
			status: receiptBody.status,
			postingTitle: item.postingTitle,
			sentAt: deps.now(),
			label: item.label ?? null
		};
		// One transaction: the receipt appears exactly when the personal data goes.
		await db.transaction('rw', db.outbox, db.receipts, async () => {
			// Handed over on a shared phone before it went: the one it belongs to has left,
			// so no status link may stay for the next person to open.
			if (!item.handedOver) await db.receipts.put(receipt);
			await db.outbox.delete(item.id);
		});
		return 'sent';
	}

	if (outcome === 'fix' && answer) {
		// A 4xx without our JSON body: the general message will do.
		const body = (answer.body ?? {}) as { code?: string; codes?: Record<string, string> };
		await db.outbox.update(item.id, { state: 'needs-fix', fieldErrors: body.codes ?? {}, errorCode: body.code ?? 'errors.invalid' });
		return 'fix';
	}

	const attempts = item.attempts + 1;
	const retryAfter = answer?.retryAfter;
	await db.outbox.update(item.id, {
		state: 'waiting',
		attempts,
		nextAttemptAt: deps.now() + retryDelay(attempts, retryAfter ? Number(retryAfter) : null, deps.random)
	});
	return 'retry';
}

/** Withdrawals that may be sent now; "sending" ones were cut off: send again. */
async function dueWithdrawals(db: KlapjobDatabase, now: number): Promise<WithdrawalItem[]> {
	const items = await db.withdrawals.toArray();
	return items.filter((item) => item.nextAttemptAt <= now).sort((a, b) => a.queuedAt - b.queuedAt);
}

/**
 * Sends one withdrawal. A 2xx (201 the first time, 200 for a repeat) marks its receipt
 * withdrawn; a 4xx (an unknown link) cannot be mended by sending again, so it is let go;
 * no answer or a 5xx is tried again later with the same id.
 */
async function sendWithdrawal(item: WithdrawalItem, deps: Required<SyncDependencies>): Promise<'sent' | 'fix' | 'retry'> {
	const { db } = deps;
	await db.withdrawals.update(item.id, { state: 'sending' });
	const answer = await post('/api/withdrawals', JSON.stringify({ id: item.id, token: item.token }), { 'idempotency-key': item.id }, deps);
	const outcome = outcomeOf(answer ? answer.status : 'network-error');
	if (outcome !== 'retry') {
		await db.transaction('rw', db.withdrawals, db.receipts, async () => {
			if (outcome === 'sent') {
				await db.receipts.where('statusToken').equals(item.token).modify({ withdrawnAt: deps.now(), status: 'withdrawn' });
			}
			await db.withdrawals.delete(item.id);
		});
		return outcome;
	}
	const attempts = item.attempts + 1;
	const retryAfter = answer?.retryAfter;
	await db.withdrawals.update(item.id, {
		state: 'waiting',
		attempts,
		nextAttemptAt: deps.now() + retryDelay(attempts, retryAfter ? Number(retryAfter) : null, deps.random)
	});
	return 'retry';
}

/** Replies that may be sent now; "sending" ones were cut off: send again. Refused ones wait for the person. */
async function dueReplies(db: KlapjobDatabase, now: number): Promise<ReplyItem[]> {
	const items = await db.replies.where('state').anyOf('waiting', 'sending').toArray();
	return items.filter((item) => item.nextAttemptAt <= now).sort((a, b) => a.queuedAt - b.queuedAt);
}

/**
 * Sends one reply. A 2xx (201 the first time, 200 for a repeat) deletes it: nothing of the
 * answer stays on the phone. A 4xx cannot be mended by sending again: it is kept as
 * 'refused' with the server's code, so the page can say what happened. No answer or a 5xx
 * is tried again later with the same id.
 */
async function sendReply(item: ReplyItem, deps: Required<SyncDependencies>): Promise<'sent' | 'fix' | 'retry'> {
	const { db } = deps;
	await db.replies.update(item.id, { state: 'sending' });
	const body = JSON.stringify({ ...item.body, id: item.id, token: item.token });
	const answer = await post(REPLY_PATHS[item.kind], body, { 'idempotency-key': item.id }, deps);
	const outcome = outcomeOf(answer ? answer.status : 'network-error');
	if (outcome === 'sent') {
		await db.replies.delete(item.id);
		return 'sent';
	}
	if (outcome === 'fix') {
		const code = (answer?.body as { code?: unknown } | undefined)?.code;
		await db.replies.update(item.id, { state: 'refused', errorCode: typeof code === 'string' ? code : 'errors.invalid' });
		return 'fix';
	}
	const attempts = item.attempts + 1;
	const retryAfter = answer?.retryAfter;
	await db.replies.update(item.id, {
		state: 'waiting',
		attempts,
		nextAttemptAt: deps.now() + retryDelay(attempts, retryAfter ? Number(retryAfter) : null, deps.random)
	});
	return 'retry';
}

/** The server or the line is down: the rest would fail the same way now, so they wait as long. */
async function holdTheRest(db: KlapjobDatabase, retryAt: number, now: number): Promise<void> {
	await db.outbox
		.where('state')
		.anyOf('waiting', 'sending')
		.filter((other) => other.nextAttemptAt <= now)
		.modify({ nextAttemptAt: retryAt });
	await db.withdrawals.filter((other) => other.nextAttemptAt <= now).modify({ nextAttemptAt: retryAt });
	await db.replies
		.where('state')
		.anyOf('waiting', 'sending')
		.filter((other) => other.nextAttemptAt <= now)
		.modify({ nextAttemptAt: retryAt });
}

async function syncUnlocked(deps: Required<SyncDependencies>): Promise<SyncReport> {
	const report: SyncReport = { sent: 0, needsFix: 0, retrying: 0, skipped: false };
	for (const item of await dueItems(deps.db, deps.now())) {
		const outcome = await sendOne(item, deps);
		if (outcome === 'sent') report.sent += 1;
		else if (outcome === 'fix') report.needsFix += 1;
		else {
			report.retrying += 1;
			await holdTheRest(deps.db, (await deps.db.outbox.get(item.id))?.nextAttemptAt ?? deps.now(), deps.now());
			return report;
		}
	}
	// Withdrawals after applications: one may be for an application sent just now.
	for (const item of await dueWithdrawals(deps.db, deps.now())) {
		const outcome = await sendWithdrawal(item, deps);
		if (outcome === 'sent') report.sent += 1;
		else if (outcome === 'retry') {
			report.retrying += 1;
			await holdTheRest(deps.db, (await deps.db.withdrawals.get(item.id))?.nextAttemptAt ?? deps.now(), deps.now());
			return report;
		}
	}
	// Replies last: they belong to applications the server already has.
	for (const item of await dueReplies(deps.db, deps.now())) {
		const outcome = await sendReply(item, deps);
		if (outcome === 'sent') report.sent += 1;
		else if (outcome === 'fix') report.needsFix += 1;
		else {
			report.retrying += 1;
			await holdTheRest(deps.db, (await deps.db.replies.get(item.id))?.nextAttemptAt ?? deps.now(), deps.now());
			return report;
		}
	}
	return report;
}

let running: Promise<SyncReport> | null = null;

/**
 * Sends every due application once, one at a time. Only one sync runs across all
 * tabs and the service worker (Web Locks); a second caller is told it was skipped.
 */
export async function syncOutbox(dependencies: SyncDependencies): Promise<SyncReport> {
	const deps: Required<SyncDependencies> = {
		baseUrl: '',
		now: Date.now,
		random: Math.random,
		sendTimeLimit,
		...dependencies
	};
	const skipped: SyncReport = { sent: 0, needsFix: 0, retrying: 0, skipped: true };
	const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
	if (locks) {
		return locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) =>
			lock ? syncUnlocked(deps) : skipped
		);
	}
	// No Web Locks (older browsers, Node tests): one sync at a time in this context.
	if (running) return skipped;
	running = syncUnlocked(deps);
	try {
		return await running;
	} finally {
		running = null;
	}
}

/** When the next waiting item is due, for the timer; null when nothing waits. */
export async function nextDueAt(db: KlapjobDatabase): Promise<number | null> {
	const waiting = [
		...(await db.outbox.where('state').anyOf('waiting', 'sending').toArray()),
		...(await db.withdrawals.toArray()),
		...(await db.replies.where('state').anyOf('waiting', 'sending').toArray())
	];
	if (waiting.length === 0) return null;
	return Math.min(...waiting.map((item) => item.nextAttemptAt));
}

/** Makes every waiting item due now: the connection came back, or the person asked. */
export async function makeAllDue(db: KlapjobDatabase, now = Date.now()): Promise<void> {
	await db.outbox.where('state').anyOf('waiting', 'sending').modify({ nextAttemptAt: now });
	await db.withdrawals.toCollection().modify({ nextAttemptAt: now });
	await db.replies.where('state').anyOf('waiting', 'sending').modify({ nextAttemptAt: now });
}

/**
 * The person withdraws a sent application: the withdrawal waits in the outbox and is sent
 * by the engine, so it works without a connection. Asked twice, it is queued once.
 */
export async function queueWithdrawal(db: KlapjobDatabase, token: string, now = Date.now()): Promise<WithdrawalItem> {
	return db.transaction('rw', db.withdrawals, db.receipts, async () => {
		const waiting = await db.withdrawals.where('token').equals(token).first();
		if (waiting) return waiting;
		const receipt = await db.receipts.where('statusToken').equals(token).first();
		const item: WithdrawalItem = { id: crypto.randomUUID(), token, receiptId: receipt?.id ?? null, state: 'waiting', attempts: 0, nextAttemptAt: now, queuedAt: now };
		await db.withdrawals.put(item);
		return item;
	});
}

/**
 * The person answers a question (a suggested job, the check-in): the reply waits in the
 * outbox and is sent by the engine, so it works without a connection. One question takes
 * one reply: asked again while one waits (or was refused), the one already there is kept.
 * The body must already have passed its kind's zod schema.
 */
export async function queueReply(
	db: KlapjobDatabase,
	reply: { kind: ReplyKind; token: string; subject: string; body: Record<string, unknown> },
	now = Date.now()
): Promise<ReplyItem> {
	return db.transaction('rw', db.replies, async () => {
		const there = await db.replies.where('[token+subject]').equals([reply.token, reply.subject]).first();
		if (there) return there;
		const item: ReplyItem = { id: crypto.randomUUID(), ...reply, state: 'waiting', attempts: 0, nextAttemptAt: now, queuedAt: now };
		await db.replies.put(item);
		return item;
	});
}
