import { Secret, TOTP } from 'otpauth';

/** The password of every account the tests make. */
export const STAFF_PASSWORD = 'test-password-1234';
/** The authenticator secret of every account the tests make with two-factor (sekretariat and admin must have it). */
export const STAFF_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

// The last 30-second step used per secret and account in this test process: the app takes a code only once.
const lastStep = new Map<string, number>();

/** A code from the authenticator for this account, never one already used (it waits for the next step if need be). */
export async function totpCode(account: string, secret = STAFF_TOTP_SECRET): Promise<string> {
	const key = `${account} ${secret}`;
	let now = Math.floor(Date.now() / 30_000);
	const step = Math.max(now, (lastStep.get(key) ?? -Infinity) + 1);
	// The app takes one step ahead; further than that, wait.
	while (step > now + 1) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		now = Math.floor(Date.now() / 30_000);
	}
	lastStep.set(key, step);
	return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: step * 30_000 });
}

/** For a script without a browser (the benchmark): the two posts of sign-in; the session cookie. */
export async function signInByFetch(base: string, email: string, password = STAFF_PASSWORD, secret: string | null = STAFF_TOTP_SECRET): Promise<string> {
	const post = (path: string, body: Record<string, string>, cookie = '') =>
		fetch(`${base}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...(cookie ? { cookie } : {}) },
			body: new URLSearchParams(body),
			redirect: 'manual'
		});
	const first = await post('/personale/log-ind', { email, password });
	const cookies = first.headers.getSetCookie();
	const session = cookies.find((c) => c.startsWith('staff_session='));
	if (session) return session.split(';')[0]!;
	const step = cookies.find((c) => c.startsWith('staff_sign_in_step='));
	if (!step || !secret) throw new Error(`Sign-in failed for ${email}: ${first.status}`);
	const second = await post('/personale/log-ind/kode', { code: await totpCode(email, secret) }, step.split(';')[0]!);
	const made = second.headers.getSetCookie().find((c) => c.startsWith('staff_session='));
	if (!made) throw new Error(`The code was refused for ${email}: ${second.status}`);
	return made.split(';')[0]!;
}
