import { LATE, withinTimeLimit } from '$lib/network/time-limit';
import type { KlapjobDatabase, OutboxItem, Receipt } from './db';
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
async function post(item: OutboxItem, deps: Required<SyncDependencies>): Promise<ServerAnswer | undefined> {
	const body = JSON.stringify(item.application);
	const controller = new AbortController();
	const exchange = (async () => {
		const response = await deps.fetch(`${deps.baseUrl}/api/applications`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'idempotency-key': item.id,
				'accept-language': item.application.language
			},
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
	const answer = await post(item, deps);
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

async function syncUnlocked(deps: Required<SyncDependencies>): Promise<SyncReport> {
	const report: SyncReport = { sent: 0, needsFix: 0, retrying: 0, skipped: false };
	for (const item of await dueItems(deps.db, deps.now())) {
		const outcome = await sendOne(item, deps);
		if (outcome === 'sent') report.sent += 1;
		else if (outcome === 'fix') report.needsFix += 1;
		else {
			report.retrying += 1;
			// The server or the line is down: the rest would fail the same way now, so they wait as long.
			const retryAt = (await deps.db.outbox.get(item.id))?.nextAttemptAt ?? deps.now();
			await deps.db.outbox
				.where('state')
				.anyOf('waiting', 'sending')
				.filter((other) => other.nextAttemptAt <= deps.now())
				.modify({ nextAttemptAt: retryAt });
			break;
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
	const waiting = await db.outbox.where('state').anyOf('waiting', 'sending').toArray();
	if (waiting.length === 0) return null;
	return Math.min(...waiting.map((item) => item.nextAttemptAt));
}

/** Makes every waiting item due now: the connection came back, or the person asked. */
export async function makeAllDue(db: KlapjobDatabase, now = Date.now()): Promise<void> {
	await db.outbox.where('state').anyOf('waiting', 'sending').modify({ nextAttemptAt: now });
}
