import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { checkCredentials } from './staff';

/**
 * Guessing is slow: 5 failed tries per account and 20 per address each 15 minutes (an office
 * behind one address, or a test run, may raise the second with SIGN_IN_LIMIT_PER_ADDRESS).
 * Only failures count, and they are kept in the database so every app server sees them.
 * A device that signed in to the account before has its own 5, counted on its cookie: guesses
 * from elsewhere never lock the holder out of their own machine.
 */
export const DEVICE_COOKIE = 'staff_device';
export const DEVICE_DAYS = 180;
/** The longest address RFC 5321 allows; anything longer is refused before it is counted. */
export const MAX_EMAIL_LENGTH = 254;

export interface SignInLimits {
	perAccount: number;
	perAddress: number;
	perDevice: number;
	windowMs: number;
	/** Rows kept at most: the oldest go first when an attack from many addresses fills the table. */
	maxRows: number;
}

export const defaultLimits: SignInLimits = {
	perAccount: 5,
	perAddress: Number(process.env.SIGN_IN_LIMIT_PER_ADDRESS ?? 20),
	perDevice: 5,
	windowMs: 15 * 60_000,
	maxRows: 100_000
};

export type SignInResult =
	| { kind: 'signed-in'; staff: StaffMember; deviceToken: string }
	| { kind: 'failed' }
	| { kind: 'limited'; minutes: number }
	| { kind: 'too-long' };

function hash(kind: string, value: string): string {
	return createHash('sha256').update(`${kind}:${value}`).digest('base64url');
}

let failuresSincePrune = 0;

export async function signIn(
	db: Kysely<Database>,
	input: { email: string; password: string; address: string; deviceToken?: string },
	limits: SignInLimits = defaultLimits,
	now = new Date()
): Promise<SignInResult> {
	if (input.email.length > MAX_EMAIL_LENGTH) return { kind: 'too-long' };
	const email = input.email.trim().toLowerCase();
	const emailHash = hash('account', email);
	const addressKey = hash('address', input.address);

	// A device counts on its own only when its cookie was given to this very account.
	const tokenHash = input.deviceToken && input.deviceToken.length <= 100 ? hash('device', input.deviceToken) : null;
	const device = tokenHash
		? await db.selectFrom('sign_in_devices').select('token_hash').where('token_hash', '=', tokenHash).where('email_hash', '=', emailHash).executeTakeFirst()
		: undefined;

	const since = new Date(now.getTime() - limits.windowMs).toISOString();
	const counted = device ? [{ key: hash('device-tries', device.token_hash), limit: limits.perDevice }] : [
		{ key: addressKey, limit: limits.perAddress },
		{ key: emailHash, limit: limits.perAccount }
	];
	const minutes = await limitedMinutes(db, counted, limits, now);
	if (minutes !== null) return { kind: 'limited', minutes };

	const staff = await checkCredentials(db, email, input.password);
	if (!staff) {
		const at = now.toISOString();
		await db.insertInto('sign_in_failures').values(counted.map(({ key }) => ({ key_hash: key, at }))).execute();
		await prune(db, limits, since);
		return { kind: 'failed' };
	}

	let deviceToken = input.deviceToken ?? '';
	if (!device) {
		deviceToken = randomBytes(32).toString('base64url');
		await db.insertInto('sign_in_devices').values({ token_hash: hash('device', deviceToken), email_hash: emailHash, created_at: now.toISOString() }).execute();
		const forgotten = new Date(now.getTime() - DEVICE_DAYS * 86_400_000).toISOString();
		await db.deleteFrom('sign_in_devices').where('created_at', '<', forgotten).execute();
	}
	return { kind: 'signed-in', staff, deviceToken };
}

/** Minutes to wait when any of the keys is at its limit, else null. Over the limit a try is refused, and not counted. */
async function limitedMinutes(db: Kysely<Database>, counted: { key: string; limit: number }[], limits: SignInLimits, now: Date): Promise<number | null> {
	const since = new Date(now.getTime() - limits.windowMs).toISOString();
	for (const { key, limit } of counted) {
		const row = await db
			.selectFrom('sign_in_failures')
			.select((eb) => [eb.fn.countAll<string | number>().as('tries'), eb.fn.min('at').as('first')])
			.where('key_hash', '=', key)
			.where('at', '>', since)
			.executeTakeFirstOrThrow();
		if (Number(row.tries) >= limit) {
			const waitMs = new Date(String(row.first)).getTime() + limits.windowMs - now.getTime();
			return Math.max(1, Math.ceil(waitMs / 60_000));
		}
	}
	return null;
}

/** The second step (the code) has its own 5 wrong tries per account, and shares the address's allowance. */
function secondStepKeys(staffId: string, address: string, limits: SignInLimits) {
	return [
		{ key: hash('address', address), limit: limits.perAddress },
		{ key: hash('code', staffId), limit: limits.perAccount }
	];
}

/** Minutes to wait before the account may try a code again, or null when it may. */
export async function secondStepLimited(db: Kysely<Database>, staffId: string, address: string, limits: SignInLimits = defaultLimits, now = new Date()): Promise<number | null> {
	return limitedMinutes(db, secondStepKeys(staffId, address, limits), limits, now);
}

export async function recordSecondStepFailure(db: Kysely<Database>, staffId: string, address: string, limits: SignInLimits = defaultLimits, now = new Date()): Promise<void> {
	const at = now.toISOString();
	await db.insertInto('sign_in_failures').values(secondStepKeys(staffId, address, limits).map(({ key }) => ({ key_hash: key, at }))).execute();
	await prune(db, limits, new Date(now.getTime() - limits.windowMs).toISOString());
}

/** Tries older than the window are of no use; now and then the table is also held to its cap. */
async function prune(db: Kysely<Database>, limits: SignInLimits, since: string) {
	await db.deleteFrom('sign_in_failures').where('at', '<=', since).execute();
	failuresSincePrune += 1;
	if (failuresSincePrune < 100) return;
	failuresSincePrune = 0;
	const cut = await db.selectFrom('sign_in_failures').select('at').orderBy('at', 'desc').offset(limits.maxRows).limit(1).executeTakeFirst();
	if (cut) await db.deleteFrom('sign_in_failures').where('at', '<=', cut.at).execute();
}

/** Rows stored, for tests and checks. */
export async function failureRows(db: Kysely<Database>): Promise<number> {
	const row = await db.selectFrom('sign_in_failures').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}
