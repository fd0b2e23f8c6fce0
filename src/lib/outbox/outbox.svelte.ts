import { liveQuery } from 'dexie';
import { localDatabase, type OutboxItem, type Receipt, type ReplyItem, type ReplyKind, type WithdrawalItem } from './db';
import { makeAllDue, nextDueAt, queueReply, queueWithdrawal, syncOutbox, type SyncReport } from './sync';
import { markApplicationsWaiting } from './waiting';

/** Tag for the service worker's background sync: it runs the same engine. */
export const SYNC_TAG = 'klapjob-outbox';
/** Even with nothing due, look again this often: a cheap guard against a missed event. */
const SAFETY_POLL_MS = 30_000;

/**
 * The device's outbox as reactive state for the pages, and the triggers that run the
 * sync engine: at start, on `online`, when the page becomes visible, and on a timer
 * set to the next due item (backoff with jitter decides when). Started by the form and
 * /mine, and by every page while applications wait (./waiting.ts).
 */
class Outbox {
	items = $state<OutboxItem[]>([]);
	receipts = $state<Receipt[]>([]);
	/** Withdrawals waiting for the server. */
	withdrawals = $state<WithdrawalItem[]>([]);
	/** Answers to suggested jobs and the check-in, waiting for the server (or refused by it). */
	replies = $state<ReplyItem[]>([]);
	/** False until the first read from the device: pages show "loading", not "empty". */
	loaded = $state(false);
	syncing = $state(false);
	#started = false;
	#timer: ReturnType<typeof setTimeout> | undefined;

	start(): void {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		const db = localDatabase();
		liveQuery(() => db.outbox.orderBy('nextAttemptAt').toArray()).subscribe((items) => {
			this.items = items.sort((a, b) => b.queuedAt - a.queuedAt);
			this.loaded = true;
			this.#markWaiting();
		});
		liveQuery(() => db.withdrawals.toArray()).subscribe((withdrawals) => {
			this.withdrawals = withdrawals;
			this.#markWaiting();
		});
		liveQuery(() => db.replies.toArray()).subscribe((replies) => {
			this.replies = replies;
			this.#markWaiting();
		});
		liveQuery(() => db.receipts.orderBy('sentAt').reverse().toArray()).subscribe((receipts) => {
			this.receipts = receipts;
		});
		window.addEventListener('online', () => void this.syncNow());
		document.addEventListener('visibilitychange', () => {
			if (document.visibilityState === 'visible') void this.sync();
		});
		void this.sync();
	}

	#markWaiting(): void {
		markApplicationsWaiting(this.items.length > 0 || this.withdrawals.length > 0 || this.replies.some((reply) => reply.state !== 'refused'));
	}

	/** Runs the engine for what is due, then sets the timer for what is left. */
	async sync(): Promise<SyncReport | undefined> {
		clearTimeout(this.#timer);
		this.syncing = true;
		let report: SyncReport | undefined;
		try {
			report = await syncOutbox({ db: localDatabase(), fetch: (...args) => fetch(...args) });
		} finally {
			this.syncing = false;
			await this.#schedule();
		}
		return report;
	}

	/** Everything waiting is tried now, whatever its backoff said. */
	async syncNow(): Promise<SyncReport | undefined> {
		await makeAllDue(localDatabase());
		return this.sync();
	}

	async #schedule(): Promise<void> {
		const due = await nextDueAt(localDatabase());
		const wait = due === null ? SAFETY_POLL_MS : Math.max(250, Math.min(SAFETY_POLL_MS, due - Date.now()));
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.sync(), wait);
	}

	/** Asks the service worker to sync when the connection returns, even if the app is closed. */
	async registerBackgroundSync(): Promise<void> {
		try {
			const registration = (await navigator.serviceWorker?.ready) as
				| (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })
				| undefined;
			await registration?.sync?.register(SYNC_TAG);
		} catch {
			// No background sync here: the page's own triggers still send it.
		}
	}

	async retry(id: string): Promise<void> {
		await localDatabase().outbox.update(id, { state: 'waiting', nextAttemptAt: Date.now() });
		await this.sync();
	}

	async remove(id: string): Promise<void> {
		await localDatabase().outbox.delete(id);
	}

	/** The person withdraws a sent application: it waits here until the server has it. */
	async withdraw(token: string): Promise<void> {
		await queueWithdrawal(localDatabase(), token);
		// Not waited for: without a service worker its `ready` never comes.
		void this.registerBackgroundSync();
		await this.syncNow();
	}

	/** The person answers a suggested job or the check-in: it waits here until the server has it. */
	async reply(reply: { kind: ReplyKind; token: string; subject: string; body: Record<string, unknown> }): Promise<ReplyItem> {
		const item = await queueReply(localDatabase(), reply);
		void this.registerBackgroundSync();
		await this.syncNow();
		return item;
	}

	/** A refused reply the person has read: it goes, and the question may be answered again. */
	async dismissReply(id: string): Promise<void> {
		await localDatabase().replies.delete(id);
	}

	async forgetReceipt(id: string): Promise<void> {
		await localDatabase().receipts.delete(id);
	}
}

export const outbox = new Outbox();
