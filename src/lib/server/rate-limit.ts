/**
 * A fixed-window counter per client, in memory: enough to stop one device or script
 * flooding the intake. Several app servers each count their own share.
 */
export class RateLimiter {
	#windows = new Map<string, { start: number; count: number }>();

	constructor(
		private readonly limit: number,
		private readonly windowMs: number
	) {}

	/** Counts one request; tells how long to wait when the client is over its limit. */
	take(client: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
		if (this.#windows.size > 10_000) this.#forgetOld(now);
		// Still full of live windows (many clients at once): the oldest go, so memory stays bounded.
		if (this.#windows.size > 10_000) this.#windows.delete(this.#windows.keys().next().value!);
		const window = this.#windows.get(client);
		if (!window || now - window.start >= this.windowMs) {
			this.#windows.set(client, { start: now, count: 1 });
			return { allowed: true };
		}
		window.count += 1;
		if (window.count <= this.limit) return { allowed: true };
		return { allowed: false, retryAfterSeconds: Math.ceil((window.start + this.windowMs - now) / 1000) };
	}

	#forgetOld(now: number) {
		for (const [client, window] of this.#windows) {
			if (now - window.start >= this.windowMs) this.#windows.delete(client);
		}
	}
}
