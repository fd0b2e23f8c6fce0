import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { Withdrawal } from '$lib/withdrawal/schema';
import { eraseApplication, tokenHash } from './erasure';

export type WithdrawalResult =
	| { outcome: 'created' }
	/** The same withdrawal again, or the application was already withdrawn or erased. */
	| { outcome: 'repeat'; kind: 'withdrawn' | 'erased' }
	/** The same id with another token. */
	| { outcome: 'conflict' }
	| { outcome: 'unknown-token' };

async function byId(db: Kysely<Database>, withdrawal: Withdrawal): Promise<WithdrawalResult | undefined> {
	const row = await db.selectFrom('withdrawals').select(['token_hash', 'kind']).where('id', '=', withdrawal.id).executeTakeFirst();
	if (!row) return undefined;
	return row.token_hash === tokenHash(withdrawal.token) ? { outcome: 'repeat', kind: row.kind } : { outcome: 'conflict' };
}

async function withdrawWithin(trx: Kysely<Database>, withdrawal: Withdrawal, now: Date): Promise<WithdrawalResult> {
	const earlier = await byId(trx, withdrawal);
	if (earlier) return earlier;
	const application = await trx.selectFrom('applications').select('id').where('status_token', '=', withdrawal.token).executeTakeFirst();
	if (application) {
		const erased = await eraseApplication(
			trx,
			{ applicationId: application.id, kind: 'withdrawn', action: 'withdraw', staffId: null, withdrawalId: withdrawal.id },
			now
		);
		if (erased) return { outcome: 'created' };
	}
	const gone = await trx.selectFrom('withdrawals').select('kind').where('token_hash', '=', tokenHash(withdrawal.token)).executeTakeFirst();
	return gone ? { outcome: 'repeat', kind: gone.kind } : { outcome: 'unknown-token' };
}

/**
 * The person withdraws an application, exactly once by the withdrawal's id: in one
 * transaction the application and everything personal is deleted (erasure.ts). A repeat
 * of the same id, or a withdrawal of an application already gone, is answered as done.
 */
export async function withdrawApplication(db: Kysely<Database>, withdrawal: Withdrawal, now = new Date()): Promise<WithdrawalResult> {
	const earlier = await byId(db, withdrawal);
	if (earlier) return earlier;
	try {
		return await db.transaction().execute((trx) => withdrawWithin(trx, withdrawal, now));
	} catch (error) {
		// Two copies raced: the other one committed first.
		const winner = await byId(db, withdrawal);
		if (winner) return winner;
		throw error;
	}
}
