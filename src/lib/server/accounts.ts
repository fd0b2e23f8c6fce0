import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

/**
 * True when closing this account would leave no open admin account: then nobody could
 * make or open accounts any more, short of the command line on the server.
 */
export async function isLastActiveAdmin(db: Kysely<Database>, id: string): Promise<boolean> {
	const account = await db.selectFrom('staff').select(['role', 'disabled']).where('id', '=', id).executeTakeFirst();
	if (!account || account.role !== 'admin' || account.disabled) return false;
	const others = await db
		.selectFrom('staff')
		.select((eb) => eb.fn.countAll<string | number>().as('n'))
		.where('role', '=', 'admin')
		.where('disabled', '=', 0)
		.where('id', '!=', id)
		.executeTakeFirstOrThrow();
	return Number(others.n) === 0;
}

/** A consultant account must point at a consultant that exists. */
export async function consultantExists(db: Kysely<Database>, id: string): Promise<boolean> {
	return !!(await db.selectFrom('consultants').select('id').where('id', '=', id).executeTakeFirst());
}
