import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Role } from '$lib/staff/roles';

/**
 * Two-factor sign-in with an authenticator app: TOTP (RFC 6238), 30-second steps, 6 digits,
 * one step either side for a phone's clock. A code's step is remembered, so a code works once.
 * The secret is stored encrypted with AES-256-GCM (the key: secret-key.ts).
 */
export const PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'KLAPjob';

/** The secretariat and admins see every municipality or every account: they must use two-factor. */
export function twoFactorRequired(role: Role | string): boolean {
	return role === 'sekretariat' || role === 'admin';
}

export function encryptSecret(secret: string, key: Buffer): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
	return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function decryptSecret(stored: string, key: Buffer): string {
	const [version, iv, tag, body] = stored.split('.');
	if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unknown secret format');
	const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
	decipher.setAuthTag(Buffer.from(tag, 'base64url'));
	return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** A new secret in base32, as authenticator apps take it when typed. */
export function newTotpSecret(): string {
	return new Secret({ size: 20 }).base32;
}

function totp(secret: string, email = ''): TOTP {
	return new TOTP({ issuer: ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// link an app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
	return totp(secret, email).toString();
}

/** The 30-second step a code belongs to, if it is right within one step either side of now. */
export function matchingStep(secret: string, code: string, now = new Date()): number | null {
	const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
	return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The secret shown for enrolment: the same one until it is confirmed, so a reload shows the same QR code. */
export async function startEnrolment(db: Kysely<Database>, key: Buffer, staffId: string): Promise<string> {
	const row = await db.selectFrom('staff').select('totp_pending').where('id', '=', staffId).executeTakeFirstOrThrow();
	if (row.totp_pending) return decryptSecret(row.totp_pending, key);
	const secret = newTotpSecret();
	await db.updateTable('staff').set({ totp_pending: encryptSecret(secret, key) }).where('id', '=', staffId).execute();
	return secret;
}

function recoveryHash(staffId: string, code: string): string {
	return createHash('sha256').update(`${staffId}:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`).digest('base64url');
}

function newRecoveryCode(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
	return Array.from(randomBytes(10), (byte) => alphabet[byte % alphabet.length])
		.join('')
		.replace(/^(.{5})(.{5})$/, '$1-$2');
}

/** Replaces any earlier recovery codes with 10 new ones; returns them to show once. Only hashes are kept. */
export async function newRecoveryCodes(db: Kysely<Database>, staffId: string): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
		await trx
			.insertInto('staff_recovery_codes')
			.values(codes.map((code) => ({ code_hash: recoveryHash(staffId, code), staff_id: staffId, used_at: null })))
			.execute();
	});
	return codes;
}

/** Confirms enrolment with one code from the app: two-factor is on, and the recovery codes are made. */
export async function confirmEnrolment(db: Kysely<Database>, key: Buffer, staffId: string, code: string, now = new Date()): Promise<string[] | null> {
	const row = await db.selectFrom('staff').select('totp_pending').where('id', '=', staffId).executeTakeFirstOrThrow();
	if (!row.totp_pending) return null;
	const step = matchingStep(decryptSecret(row.totp_pending, key), code.replace(/\s/g, ''), now);
	if (step === null) return null;
	await db.updateTable('staff').set({ totp_secret: row.totp_pending, totp_pending: null, totp_last_step: step }).where('id', '=', staffId).execute();
	return newRecoveryCodes(db, staffId);
}

export type SecondStep = 'code' | 'recovery-code' | null;

/**
 * The second step of sign-in: a 6-digit code from the app, or a recovery code. A code whose
 * step (or a later one) was already used is refused; a used recovery code never works again.
 * Both are marked used by a conditional update, so two requests at once cannot both pass.
 */
export async function checkSecondStep(db: Kysely<Database>, key: Buffer, staffId: string, input: string, now = new Date()): Promise<SecondStep> {
	const typed = input.trim();
	if (typed.length === 0 || typed.length > 40) return null;
	if (/^\d{3} ?\d{3}$/.test(typed)) {
		const row = await db.selectFrom('staff').select(['totp_secret', 'totp_last_step']).where('id', '=', staffId).executeTakeFirst();
		if (!row?.totp_secret) return null;
		const step = matchingStep(decryptSecret(row.totp_secret, key), typed.replace(' ', ''), now);
		if (step === null) return null;
		const used = await db
			.updateTable('staff')
			.set({ totp_last_step: step })
			.where('id', '=', staffId)
			.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
			.executeTakeFirst();
		return Number(used.numUpdatedRows) === 1 ? 'code' : null;
	}
	const used = await db
		.updateTable('staff_recovery_codes')
		.set({ used_at: now.toISOString() })
		.where('code_hash', '=', recoveryHash(staffId, typed))
		.where('staff_id', '=', staffId)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(used.numUpdatedRows) === 1 ? 'recovery-code' : null;
}

export async function twoFactorEnrolled(db: Kysely<Database>, staffId: string): Promise<boolean> {
	const row = await db.selectFrom('staff').select('totp_secret').where('id', '=', staffId).executeTakeFirst();
	return !!row?.totp_secret;
}

/** Turns two-factor off for an account (an admin, or the CLI for a locked-out admin): it enrols again at its next sign-in. */
export async function resetTwoFactor(db: Kysely<Database>, staffId: string): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('staff').set({ totp_secret: null, totp_pending: null, totp_last_step: null }).where('id', '=', staffId).execute();
		await trx.deleteFrom('staff_recovery_codes').where('staff_id', '=', staffId).execute();
		// Sessions made with the old second factor end.
		await trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
	});
}

/** Unused recovery codes left, so the page can say when to make new ones. */
export async function recoveryCodesLeft(db: Kysely<Database>, staffId: string): Promise<number> {
	const row = await db
		.selectFrom('staff_recovery_codes')
		.select((eb) => eb.fn.countAll<string | number>().as('n'))
		.where('staff_id', '=', staffId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
