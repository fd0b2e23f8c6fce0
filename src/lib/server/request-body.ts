/** Why a body could not be read, for a clear 4xx instead of a crash. */
export type BodyProblem = 'too-large' | 'not-json';

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
		const { done, value } = await reader.read();
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
