/**
 * Runs background work once the page has loaded (and `after` ms more) and the phone has a
 * quiet moment, so it never competes with the first screen. The timeout makes sure it
 * still runs on a phone that is never idle.
 */
export function whenIdle(task: () => void, { timeout = 2000, after = 0 }: { timeout?: number; after?: number } = {}): void {
	const schedule = () =>
		setTimeout(() => {
			if ('requestIdleCallback' in window) requestIdleCallback(() => task(), { timeout });
			else task();
		}, after);
	if (document.readyState === 'complete') schedule();
	else window.addEventListener('load', schedule, { once: true });
}

/** Resolves once the page's load event has passed (at once if it has). */
export function afterLoad(): Promise<void> {
	if (document.readyState === 'complete') return Promise.resolve();
	return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}
