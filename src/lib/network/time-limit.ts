/**
 * Time limits for the network. On a weak signal a server may take the connection and
 * never answer; without a limit the app would wait for ever. The limits are chosen so
 * that the device's copy shows within 3 seconds of the request.
 */

/**
 * The service worker, and a page it does not control, wait this long for the network,
 * then answer from the copy. Drawing the copy takes the rest of the 3 seconds on a
 * slow phone. A late answer still refreshes the service worker's copy.
 */
export const NETWORK_LIMIT_MS = 2_000;
/** With nothing on the device to show, a slow line gets this long before "no internet". */
export const NO_COPY_LIMIT_MS = 15_000;

/** What `withinTimeLimit` gives when the work was too slow. */
export const LATE = Symbol('late');

/** The work's result, or LATE if it takes longer than `ms`. The work itself goes on. */
export function withinTimeLimit<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const limit = new Promise<typeof LATE>((resolve) => {
		timer = setTimeout(() => resolve(LATE), ms);
	});
	return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** An abort signal that fires after `ms` (AbortSignal.timeout is missing on older phones). */
export function abortAfter(ms: number): AbortSignal {
	const controller = new AbortController();
	setTimeout(() => controller.abort(new DOMException('The network took too long.', 'TimeoutError')), ms);
	return controller.signal;
}
