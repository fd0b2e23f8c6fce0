/** Why a body could not be read, for a clear 4xx instead of a crash. */
export type BodyProblem = 'too-large' | 'not-json' | 'aborted';

/**
 * The client went away before its request was read whole (a phone losing its signal, a
 * closed tab): Node ends the body with "aborted" (or a reset) and the request's signal is
 * aborted. Nothing is wrong with the server, and nobody is left to answer.
 */
export function isClientAbort(error: unknown, request?: Request): boolean {
	if (!error || typeof error !== 'object') return false;
	const { message, code, name } = error as { message?: unknown; code?: unknown; name?: unknown };
	const aborted = message === 'aborted' || code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || name === 'AbortError';
	return aborted && (request === undefined || request.signal.aborted || message === 'aborted');
}

/** The adapter's own cap on a body (BODY_SIZE_LIMIT) ends the stream with a 413. */
function isTooLarge(error: unknown): boolean {
	return !!error && typeof error === 'object' && (error as { status?: unknown }).status === 413;
}

/**
 * Reads a JSON body of at most `maxBytes`, counting as it reads: a missing or false
 * Content-Length cannot make the server hold more than that.
 */
export async function readJsonBody(
	request: Request,
	maxBytes: number
): Promise<{ ok: true; body: unknown } | { ok: false; problem: BodyProblem }> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > maxBytes) return { ok: false, problem: 'too-large' };
	if (!request.body) return { ok: false, problem: 'not-json' };

	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let part: ReadableStreamReadResult<Uint8Array>;
		try {
			part = await reader.read();
		} catch (error) {
			if (isClientAbort(error, request)) return { ok: false, problem: 'aborted' };
			if (isTooLarge(error)) return { ok: false, problem: 'too-large' };
			throw error;
		}
		const { done, value } = part;
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel();
			return { ok: false, problem: 'too-large' };
		}
		chunks.push(value);
	}
	try {
		return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
	} catch {
		return { ok: false, problem: 'not-json' };
	}
}
