/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { LATE, NETWORK_LIMIT_MS, withinTimeLimit } from '$lib/network/time-limit';

/** A request left running in the background is given up after this: a hung socket is not kept. */
const BACKGROUND_LIMIT_MS = 60_000;

/**
 * True from a time-out until the network answers again. Meanwhile nothing waits for the
 * network: a page and the data it asks for next answer at once from the copy, so the
 * whole page is there within the limit, not within the limit twice.
 */
let hanging = false;

export interface TimeLimitOptions {
	/** Called with a copy of the network's answer, in time or late: to refresh the cache. */
	keep?: (response: Response) => Promise<void>;
	limitMs?: number;
}

/**
 * Asks the network and waits at most `limitMs`. Gives the answer if it came in time,
 * or undefined if the network failed or was too slow. The request goes on after the
 * limit (the event is kept alive for it), so a late answer still refreshes the copy.
 */
export async function fetchWithTimeLimit(
	event: ExtendableEvent,
	request: Request,
	{ keep, limitMs = NETWORK_LIMIT_MS }: TimeLimitOptions = {}
): Promise<Response | undefined> {
	// Our own signal: the page giving up (or leaving) must not stop the refresh.
	const controller = new AbortController();
	const giveUp = setTimeout(() => controller.abort(), BACKGROUND_LIMIT_MS);
	const network = fetch(request, { signal: controller.signal })
		.then((response) => {
			hanging = false;
			// Cloned before the page can read the body.
			const kept = keep?.(response.clone()).catch(() => undefined);
			return { response, kept };
		})
		.finally(() => clearTimeout(giveUp));
	event.waitUntil(network.then(({ kept }) => kept).catch(() => undefined));

	const answer = await withinTimeLimit(network, hanging ? 0 : limitMs).catch(() => undefined);
	if (answer === LATE) {
		hanging = true;
		return undefined;
	}
	return answer?.response;
}
