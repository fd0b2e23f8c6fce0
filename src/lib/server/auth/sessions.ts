import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { toStaffMember } from './staff';
import { twoFactorRequired } from './two-factor';

export const SESSION_COOKIE = 'staff_session';
/** A working day: a shared office computer left signed in does not stay open for long. */
export const SESSION_HOURS = 8;
/** A session nobody used for this long ends, even within the working day. */
export const IDLE_MINUTES = 30;
/** last_seen_at is written at most this often, to keep writes low. */
const SEEN_EVERY_MS = 60_000;

/** The one page a signed-in staff member may reach before anything else: a new password, or enrolment in two-factor. */
export type StaffGate = 'password' | 'two-factor' | null;

export type SessionLookup = { kind: 'live'; staff: StaffMember; gate: StaffGate } | { kind: 'idle' } | { kind: 'none' };

function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

export async function createSession(db: Kysely<Database>, staffId: string, now = new Date()): Promise<{ token: string; expires: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
	await db
		.insertInto('staff_sessions')
		.values({ token_hash: hashToken(token), staff_id: staffId, created_at: now.toISOString(), expires_at: expires.toISOString(), last_seen_at: now.toISOString() })
		.execute();
	return { token, expires };
}

/**
 * The session for a cookie's token: live (with the gate, if any), ended for being unused for
 * 30 minutes (the row is deleted), or none (unknown, expired, or the account closed).
 */
export async function sessionForToken(db: Kysely<Database>, token: string, now = new Date()): Promise<SessionLookup> {
	const tokenHash = hashToken(token);
	const row = await db
		.selectFrom('staff_sessions')
		.innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
		.select([
			'staff.id',
			'staff.email',
			'staff.name',
			'staff.role',
			'staff.consultant_id',
			'staff.disabled',
			'staff.must_change_password',
			'staff.totp_secret',
			'staff_sessions.created_at',
			'staff_sessions.expires_at',
			'staff_sessions.last_seen_at'
		])
		.where('staff_sessions.token_hash', '=', tokenHash)
		.executeTakeFirst();
	if (!row || row.disabled || row.expires_at <= now.toISOString()) return { kind: 'none' };
	const seen = new Date(row.last_seen_at ?? row.created_at).getTime();
	if (now.getTime() - seen >= IDLE_MINUTES * 60_000) {
		await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
		return { kind: 'idle' };
	}
	if (now.getTime() - seen >= SEEN_EVERY_MS) {
		await db.updateTable('staff_sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
	}
	const gate: StaffGate = Number(row.must_change_password) ? 'password' : twoFactorRequired(row.role) && !row.totp_secret ? 'two-factor' : null;
	return { kind: 'live', staff: toStaffMember(row), gate };
}

/** The signed-in staff member for a cookie's token, if the session is live and the account enabled. */
export async function staffForToken(db: Kysely<Database>, token: string, now = new Date()): Promise<StaffMember | null> {
	const session = await sessionForToken(db, token, now);
	return session.kind === 'live' ? session.staff : null;
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
	await db.deleteFrom('staff_sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Ends every other session of the account, e.g. after a new password. */
export async function deleteOtherSessions(db: Kysely<Database>, staffId: string, keepToken: string): Promise<void> {
	await db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).where('token_hash', '!=', hashToken(keepToken)).execute();
}

/** Between the password and the code: a ticket for the second step only, valid for 5 minutes. Not a session. */
export const STEP_COOKIE = 'staff_sign_in_step';
export const STEP_MINUTES = 5;

export async function createSignInStep(db: Kysely<Database>, staffId: string, now = new Date()): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await db.deleteFrom('staff_sign_in_steps').where('expires_at', '<=', now.toISOString()).execute();
	await db
		.insertInto('staff_sign_in_steps')
		.values({ token_hash: hashToken(token), staff_id: staffId, expires_at: new Date(now.getTime() + STEP_MINUTES * 60_000).toISOString() })
		.execute();
	return token;
}

/** The account waiting for its second step, if the ticket is live and the account open. */
export async function staffForSignInStep(db: Kysely<Database>, token: string, now = new Date()): Promise<StaffMember | null> {
	if (token.length > 100) return null;
	const row = await db
		.selectFrom('staff_sign_in_steps')
		.innerJoin('staff', 'staff.id', 'staff_sign_in_steps.staff_id')
		.select(['staff.id', 'staff.email', 'staff.name', 'staff.role', 'staff.consultant_id', 'staff.disabled', 'staff_sign_in_steps.expires_at'])
		.where('staff_sign_in_steps.token_hash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.disabled || row.expires_at <= now.toISOString()) return null;
	return toStaffMember(row);
}

export async function deleteSignInStep(db: Kysely<Database>, token: string): Promise<void> {
	await db.deleteFrom('staff_sign_in_steps').where('token_hash', '=', hashToken(token)).execute();
}
