import { RateLimiter } from '../rate-limit';

/**
 * Guessing is slow: 5 tries per account and 20 per address each 15 minutes. An office
 * behind one address (or a test run) may raise the second with SIGN_IN_LIMIT_PER_ADDRESS.
 */
const WINDOW_MS = 15 * 60_000;
const perAccount = new RateLimiter(5, WINDOW_MS);
const perAddress = new RateLimiter(Number(process.env.SIGN_IN_LIMIT_PER_ADDRESS ?? 20), WINDOW_MS);

export function signInAllowed(email: string, address: string): { allowed: true } | { allowed: false; minutes: number } {
	const account = perAccount.take(email.trim().toLowerCase());
	const client = perAddress.take(address);
	for (const result of [account, client]) {
		if (!result.allowed) return { allowed: false, minutes: Math.ceil(result.retryAfterSeconds / 60) };
	}
	return { allowed: true };
}
