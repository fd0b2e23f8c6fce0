import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { createStaff, staffCount } from './auth/staff';
import { DEFAULT_SQLITE_PATH, type DatabaseConfig } from './db';

/**
 * Demo accounts with printed passwords belong only where nobody can take them for real:
 * the embedded SQLite at its default path, without a DATABASE_URL. A test that starts the
 * app on its own SQLite file asks for them with DEMO_ACCOUNTS=1. Never in production and
 * never on PostgreSQL, whatever else is set: a real deployment makes its first admin with
 * `npm run staff -- add`.
 */
export function demoAccountsWanted(env: Record<string, string | undefined>, config: DatabaseConfig): boolean {
	if (env.NODE_ENV === 'production' || config.dialect !== 'sqlite') return false;
	if (env.DEMO_ACCOUNTS === '1') return true;
	return !env.DATABASE_URL && config.path === DEFAULT_SQLITE_PATH;
}

/**
 * The embedded default (SQLite, not production) starts with one account per role, so
 * the staff area can be tried at once. The passwords are printed once and never again.
 */
export async function createDemoAccountsIfNone(db: Kysely<Database>): Promise<void> {
	if (process.env.NODE_ENV === 'production' || (await staffCount(db)) > 0) return;
	const consultant = await db.selectFrom('consultants').select(['id', 'first_name', 'last_name']).orderBy('id').executeTakeFirstOrThrow();
	const accounts = [
		await createStaff(db, { email: 'admin@klapjob.example', name: 'Demo admin', role: 'admin' }),
		await createStaff(db, { email: 'sekretariat@klapjob.example', name: 'Demo sekretariat', role: 'sekretariat' }),
		await createStaff(db, {
			email: 'konsulent@klapjob.example',
			name: `${consultant.first_name} ${consultant.last_name}`,
			role: 'konsulent',
			consultantId: consultant.id
		})
	];
	console.log('Demo staff accounts (shown once; sign in at /personale):');
	for (const { staff, password } of accounts) console.log(`  ${staff.email}  ${password}`);
}
