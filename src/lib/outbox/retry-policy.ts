/**
 * What the sync engine does with each answer, as pure rules (table-tested).
 * - 2xx: the server has it; keep a receipt, delete the personal data.
 * - 4xx with field errors: the person must fix something; never retried blindly.
 * - 408, 425, 429, 5xx and no answer at all: try again later, backing off.
 */
export type Outcome = 'sent' | 'fix' | 'retry';

export function outcomeOf(status: number | 'network-error'): Outcome {
	if (status === 'network-error') return 'retry';
	if (status >= 200 && status < 300) return 'sent';
	if (status === 408 || status === 409 || status === 425 || status === 429 || status >= 500) return 'retry';
	return 'fix';
}

export const BACKOFF_BASE_MS = 2_000;
/** Never wait longer than a minute: people test the app by turning the phone on and off. */
export const BACKOFF_MAX_MS = 60_000;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so
 * many phones coming back online at once do not all knock at the same second.
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
	const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
	return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** A server's Retry-After (seconds) wins over our own guess, within the same cap. */
export function retryDelay(attempts: number, retryAfterSeconds: number | null, random?: () => number): number {
	if (retryAfterSeconds !== null && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0) {
		return Math.min(BACKOFF_MAX_MS, retryAfterSeconds * 1000);
	}
	return backoffDelay(attempts, random);
}

/**
 * How long one send may take before it is given up and tried again later (same key, so
 * the server keeps it once). A line that hangs must not keep an application "sending"
 * for ever, but a voice message on a poor line takes a while: 20 s, plus the body at
 * 4 KB/s (about 32 kbit/s, a poor 2G line). An application alone gets about 20 s; one
 * with the longest voice message (480 kB as text) about 2 minutes 20 seconds.
 */
export const SEND_LIMIT_BASE_MS = 20_000;
export const SLOW_LINE_BYTES_PER_MS = 4;

export function sendTimeLimit(bodyBytes: number): number {
	return SEND_LIMIT_BASE_MS + Math.ceil(bodyBytes / SLOW_LINE_BYTES_PER_MS);
}
