import { localDatabase, type HelperDetails, type KlapjobDatabase } from '$lib/outbox/db';

/**
 * A shared phone at a bosted: what the device keeps while a helper fills in for
 * several residents, one after the other, and how it lets go of it.
 */

export async function loadHelper(db: KlapjobDatabase = localDatabase()): Promise<HelperDetails | undefined> {
	return db.helper.get('helper');
}

/** The helper's details, to prefill the next resident's application (she may change them). */
export async function rememberHelper(
	details: Omit<HelperDetails, 'id' | 'savedAt'>,
	db: KlapjobDatabase = localDatabase()
): Promise<void> {
	await db.helper.put({ ...details, id: 'helper', savedAt: Date.now() });
}

/**
 * "Ny ansøgning for en anden person": the receipts (with their labels), drafts and
 * likes on the device leave it, so the next person sees none of them. Applications
 * still waiting stay (they hold what the server needs) but are marked: once sent,
 * they leave no status link behind (sync.ts).
 */
export async function handOver(db: KlapjobDatabase = localDatabase()): Promise<void> {
	await db.transaction('rw', [db.receipts, db.drafts, db.profile, db.outbox], async () => {
		await db.receipts.clear();
		await db.drafts.clear();
		await db.profile.clear();
		await db.outbox.toCollection().modify({ handedOver: true });
	});
}

/** "Jeg er færdig med at hjælpe": the hand-over, and the helper's own details go too. */
export async function endHelping(db: KlapjobDatabase = localDatabase()): Promise<void> {
	await db.transaction('rw', [db.receipts, db.drafts, db.profile, db.outbox, db.helper], async () => {
		await handOver(db);
		await db.helper.clear();
	});
}
