import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { hashPassword } from '../../src/lib/server/auth/passwords';

/** The password of every account the tests make. */
export const STAFF_PASSWORD = 'test-password-1234';

/** A staff account made straight in the app's SQLite file, as `npm run staff -- add` would; its e-mail. */
export async function makeStaffAccount(databaseFile: string, role: 'sekretariat' | 'konsulent' | 'admin', consultantId: string | null = null): Promise<string> {
	const email = `${role}-${randomUUID().slice(0, 8)}@klapjob.example`;
	const database = new Database(databaseFile);
	try {
		database
			.prepare('insert into staff (id, email, name, role, consultant_id, password_hash, disabled, created_at) values (?, ?, ?, ?, ?, ?, 0, ?)')
			.run(randomUUID(), email, `Test ${role}`, role, consultantId, await hashPassword(STAFF_PASSWORD), new Date().toISOString());
	} finally {
		database.close();
	}
	return email;
}
