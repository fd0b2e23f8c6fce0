import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Role, StaffMember } from '$lib/staff/roles';
import { hashPassword, newOneTimePassword, verifyPassword } from './passwords';

type StaffRow = Database['staff'];

export function toStaffMember(row: Pick<StaffRow, 'id' | 'email' | 'name' | 'role' | 'consultant_id'>): StaffMember {
	return { id: row.id, email: row.email, name: row.name, role: row.role as Role, consultantId: row.consultant_id };
}

export interface NewStaff {
	email: string;
	name: string;
	role: Role;
	consultantId?: string | null;
	/** Given in tests and demos; otherwise a one-time password is made. */
	password?: string;
	/** A one-time password is replaced at first sign-in; demo accounts and tests skip that. */
	mustChangePassword?: boolean;
}

/** Creates an account; returns it with the password to hand over once. */
export async function createStaff(db: Kysely<Database>, input: NewStaff): Promise<{ staff: StaffMember; password: string }> {
	const password = input.password ?? newOneTimePassword();
	const row = {
		id: randomUUID(),
		email: input.email.trim().toLowerCase(),
		name: input.name.trim(),
		role: input.role,
		consultant_id: input.role === 'konsulent' ? (input.consultantId ?? null) : null,
		password_hash: await hashPassword(password),
		disabled: 0,
		created_at: new Date().toISOString(),
		must_change_password: input.mustChangePassword === false ? 0 : 1
	};
	if (row.role === 'konsulent' && !row.consultant_id) throw new Error('A konsulent account needs a consultant');
	await db.insertInto('staff').values(row).execute();
	return { staff: toStaffMember(row), password };
}

/** Null for a wrong email, a wrong password and a disabled account alike: no hint which. */
export async function checkCredentials(db: Kysely<Database>, email: string, password: string): Promise<StaffMember | null> {
	const row = await db
		.selectFrom('staff')
		.selectAll()
		.where('email', '=', email.trim().toLowerCase())
		.executeTakeFirst();
	if (!row || row.disabled) {
		// Spend the same time as a real check, so timing does not tell which emails exist.
		await verifyPassword(password, 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
		return null;
	}
	return (await verifyPassword(password, row.password_hash)) ? toStaffMember(row) : null;
}

export async function listStaff(db: Kysely<Database>) {
	const rows = await db
		.selectFrom('staff')
		.select(['id', 'email', 'name', 'role', 'consultant_id', 'disabled', 'created_at', 'totp_secret'])
		.orderBy('email')
		.execute();
	return rows.map(({ totp_secret, ...row }) => ({ ...row, twoFactor: totp_secret !== null }));
}

/** The account's id for an e-mail, for the audit log of a failed sign-in; null when there is none. */
export async function staffIdForEmail(db: Kysely<Database>, email: string): Promise<string | null> {
	const row = await db.selectFrom('staff').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
	return row?.id ?? null;
}

export async function passwordMatches(db: Kysely<Database>, staffId: string, password: string): Promise<boolean> {
	const row = await db.selectFrom('staff').select('password_hash').where('id', '=', staffId).executeTakeFirst();
	return !!row && (await verifyPassword(password, row.password_hash));
}

/** The person's own new password: no longer a one-time one. */
export async function setPassword(db: Kysely<Database>, staffId: string, password: string): Promise<void> {
	await db.updateTable('staff').set({ password_hash: await hashPassword(password), must_change_password: 0 }).where('id', '=', staffId).execute();
}

/** An admin's reset: a new one-time password to hand over, to be replaced at first sign-in; every session ends. */
export async function resetPassword(db: Kysely<Database>, staffId: string): Promise<string> {
	const password = newOneTimePassword();
	const hash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('staff').set({ password_hash: hash, must_change_password: 1 }).where('id', '=', staffId).execute();
		await trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
	});
	return password;
}

export async function setStaffDisabled(db: Kysely<Database>, id: string, disabled: boolean): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('staff').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).execute();
		// A disabled account is signed out everywhere at once.
		if (disabled) await trx.deleteFrom('staff_sessions').where('staff_id', '=', id).execute();
	});
}

export async function staffCount(db: Kysely<Database>): Promise<number> {
	const row = await db.selectFrom('staff').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}
