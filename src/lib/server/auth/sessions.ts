import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { toStaffMember } from './staff';

export const SESSION_COOKIE = 'staff_session';
/** A working day: a shared office computer left signed in does not stay open for long. */
export const SESSION_HOURS = 8;

function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

export async function createSession(db: Kysely<Database>, staffId: string, now = new Date()): Promise<{ token: string; expires: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
	await db
		.insertInto('staff_sessions')
		.values({ token_hash: hashToken(token), staff_id: staffId, created_at: now.toISOString(), expires_at: expires.toISOString() })
		.execute();
	return { token, expires };
}

/** The signed-in staff member for a cookie's token, if the session is live and the account enabled. */
export async function staffForToken(db: Kysely<Database>, token: string, now = new Date()): Promise<StaffMember | null> {
	const row = await db
		.selectFrom('staff_sessions')
		.innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
		.select(['staff.id', 'staff.email', 'staff.name', 'staff.role', 'staff.consultant_id', 'staff.disabled', 'staff_sessions.expires_at'])
		.where('staff_sessions.token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.disabled || row.expires_at <= now.toISOString()) return null;
	return toStaffMember(row);
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
	await db.deleteFrom('staff_sessions').where('token_hash', '=', hashToken(token)).execute();
}
