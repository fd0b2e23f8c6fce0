import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, WithdrawalTable } from './db/schema';
import { audit } from './audit';

export type ErasureKind = WithdrawalTable['kind'];

/** The status link's token is kept only as this hash: the link itself opens nothing once erased. */
export function tokenHash(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

export interface Erasure {
	/** The application's id. */
	applicationId: string;
	kind: ErasureKind;
	/** 'withdraw', 'erase' or 'retention-delete': what the audit log calls it. */
	action: string;
	/** The staff member who erased it; null for the person's own withdrawal and retention. */
	staffId: string | null;
	/** The withdrawal's own id (from the device); one is made when missing. */
	withdrawalId?: string;
	/** Why, for the audit log: statuses and months, never personal data. */
	reason?: string;
}

/**
 * The one way an application is deleted: by the person's withdrawal, by staff on
 * request, or by retention. Run it inside a transaction. It deletes the application
 * (the name, phone, answers and helper contact), its voice message and its steps with
 * their notes. The figures keep their own counts (step-counts.ts), which hold no person:
 * the figures for a past period do not change. What is left is a hash of
 * the status token, so the status link can say the application is gone. The audit log
 * gets the status and the month it came, never the personal data.
 * Returns false when there is no such application.
 */
export async function eraseApplication(trx: Kysely<Database>, erasure: Erasure, now = new Date()): Promise<boolean> {
	const application = await trx
		.selectFrom('applications')
		.select(['id', 'status', 'status_token', 'received_at'])
		.where('id', '=', erasure.applicationId)
		.executeTakeFirst();
	if (!application) return false;

	await trx.deleteFrom('voice_messages').where('application_id', '=', application.id).execute();
	await trx.deleteFrom('application_events').where('application_id', '=', application.id).execute();
	const deleted = await trx.deleteFrom('applications').where('id', '=', application.id).executeTakeFirst();
	// Another transaction erased it first: it records the erasure, not this one.
	if (Number(deleted.numDeletedRows) === 0) return false;
	await trx
		.insertInto('withdrawals')
		.values({ id: erasure.withdrawalId ?? randomUUID(), token_hash: tokenHash(application.status_token), kind: erasure.kind, at: now.toISOString() })
		.execute();
	await audit(
		trx,
		{
			staffId: erasure.staffId,
			action: erasure.action,
			applicationId: application.id,
			detail: [`status ${application.status}, received ${application.received_at.slice(0, 7)}`, erasure.reason].filter(Boolean).join(', ')
		},
		now
	);
	return true;
}

/** Whether the status link belonged to an application that is withdrawn or erased. */
export async function erasedByToken(db: Kysely<Database>, token: string): Promise<ErasureKind | undefined> {
	const row = await db.selectFrom('withdrawals').select('kind').where('token_hash', '=', tokenHash(token)).executeTakeFirst();
	return row?.kind;
}
