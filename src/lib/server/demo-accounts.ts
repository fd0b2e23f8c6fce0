import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { createStaff, staffCount } from './auth/staff';
import { encryptSecret, newTotpSecret, twoFactorRequired } from './auth/two-factor';
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
 * the staff area can be tried at once. The passwords are printed once and never again, with
 * the authenticator key of the roles that must use two-factor (type it into an authenticator
 * app). Demo passwords need no change at first sign-in.
 */
export async function createDemoAccountsIfNone(db: Kysely<Database>, key: Buffer): Promise<void> {
	if (process.env.NODE_ENV === 'production' || (await staffCount(db)) > 0) return;
	const consultant = await db.selectFrom('consultants').select(['id', 'first_name', 'last_name']).orderBy('id').executeTakeFirstOrThrow();
	const accounts = [
		await createStaff(db, { email: 'admin@klapjob.example', name: 'Demo admin', role: 'admin', mustChangePassword: false }),
		await createStaff(db, { email: 'sekretariat@klapjob.example', name: 'Demo sekretariat', role: 'sekretariat', mustChangePassword: false }),
		await createStaff(db, {
			email: 'konsulent@klapjob.example',
			name: `${consultant.first_name} ${consultant.last_name}`,
			role: 'konsulent',
			consultantId: consultant.id,
			mustChangePassword: false
		})
	];
	console.log('Demo staff accounts (shown once; sign in at /personale):');
	for (const { staff, password } of accounts) {
		if (!twoFactorRequired(staff.role)) {
			console.log(`  ${staff.email}  ${password}`);
			continue;
		}
		const secret = newTotpSecret();
		await db.updateTable('staff').set({ totp_secret: encryptSecret(secret, key) }).where('id', '=', staff.id).execute();
		console.log(`  ${staff.email}  ${password}  authenticator key: ${secret}`);
	}
}
