/**
 * Runs background work (the offline copy, the outbox, the service worker) once the page
 * has loaded and the phone has a quiet moment, so it never competes with the first screen.
 * The timeout makes sure it still runs on a phone that is never idle.
 */
export function whenIdle(task: () => void, timeout = 2000): void {
	const schedule = () => {
		if ('requestIdleCallback' in window) requestIdleCallback(() => task(), { timeout });
		else setTimeout(task, 200);
	};
	if (document.readyState === 'complete') schedule();
	else window.addEventListener('load', schedule, { once: true });
}
