import { describe, expect, test } from 'vitest';
import { RateLimiter } from '$lib/server/rate-limit';
import { readJsonBody } from '$lib/server/request-body';

describe('the rate limiter', () => {
	test('lets a client send its limit per window, then says how long to wait', () => {
		const limiter = new RateLimiter(3, 60_000);
		const at = 1_000_000;
		expect([1, 2, 3].map(() => limiter.take('phone', at).allowed)).toEqual([true, true, true]);
		expect(limiter.take('phone', at + 15_000)).toEqual({ allowed: false, retryAfterSeconds: 45 });
		// Another client is counted on its own.
		expect(limiter.take('other', at).allowed).toBe(true);
		// A new window starts afresh.
		expect(limiter.take('phone', at + 60_000).allowed).toBe(true);
	});
});

describe('reading a JSON body', () => {
	const request = (body: BodyInit, headers: Record<string, string> = {}) =>
		new Request('http://x/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

	test('a body cut off by a client that went away is "aborted", not an error', async () => {
		const controller = new AbortController();
		const stream = new ReadableStream<Uint8Array>({
			start(body) {
				body.enqueue(new TextEncoder().encode('{"id":"'));
				// What Node does when the connection closes before the body's end.
				setTimeout(() => {
					controller.abort();
					body.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
				}, 10);
			}
		});
		const cut = new Request('http://x/api', { method: 'POST', body: stream, duplex: 'half', signal: controller.signal } as RequestInit);
		expect(await readJsonBody(cut, 100)).toEqual({ ok: false, problem: 'aborted' });
		// Any other failure while reading is still an error.
		const broken = new ReadableStream<Uint8Array>({ start: (body) => body.error(new Error('disk on fire')) });
		await expect(readJsonBody(request(broken), 100)).rejects.toThrow('disk on fire');
	});

	test('reads JSON within the limit', async () => {
		expect(await readJsonBody(request('{"a":1}'), 100)).toEqual({ ok: true, body: { a: 1 } });
	});

	test('refuses a declared size over the limit without reading it', async () => {
		expect(await readJsonBody(request('{}', { 'content-length': '5000' }), 100)).toEqual({ ok: false, problem: 'too-large' });
	});

	test('counts what it reads, whatever the headers say', async () => {
		const stream = new ReadableStream({
			start(controller) {
				for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(50)));
				controller.close();
			}
		});
		expect(await readJsonBody(request(stream), 100)).toEqual({ ok: false, problem: 'too-large' });
	});

	test('says so when the body is not JSON', async () => {
		expect(await readJsonBody(request('not json'), 100)).toEqual({ ok: false, problem: 'not-json' });
	});
});
