import { LATE, NO_COPY_LIMIT_MS, NETWORK_LIMIT_MS, withinTimeLimit } from './time-limit';

/** Where the data came from: the server, or a copy on the device (no connection, or too slow). */
export type Source = 'server' | 'device';

export interface Answer<T> {
	value: T;
	source: Source;
}

const OFFLINE = Symbol('offline');

/**
 * The server's answer within `limitMs`, else the device's copy, else (a slow line on a
 * first visit) the server's answer within `noCopyLimitMs` in all. Undefined when there
 * is neither. A failure `isServerAnswer` names (a 404, say) is thrown on: a copy must
 * not cover up what the server said.
 */
export async function serverOrDevice<T>(
	ask: (signal: AbortSignal) => Promise<Answer<T>>,
	fromDevice: () => Promise<T | undefined>,
	isServerAnswer: (cause: unknown) => boolean,
	{ limitMs = NETWORK_LIMIT_MS, noCopyLimitMs = NO_COPY_LIMIT_MS } = {}
): Promise<Answer<T> | undefined> {
	const controller = new AbortController();
	const server = ask(controller.signal).catch((cause: unknown): typeof OFFLINE => {
		if (isServerAnswer(cause)) throw cause;
		return OFFLINE;
	});
	let answer = await withinTimeLimit(server, limitMs);
	if (answer !== LATE && answer !== OFFLINE) return answer;
	const copy = await fromDevice();
	if (copy !== undefined) {
		controller.abort();
		return { value: copy, source: 'device' };
	}
	if (answer === LATE) answer = await withinTimeLimit(server, noCopyLimitMs - limitMs);
	controller.abort();
	return answer === LATE || answer === OFFLINE ? undefined : answer;
}
