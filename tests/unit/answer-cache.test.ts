import zlib from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { cachedAnswer, postingsChanged } from '$lib/server/answer-cache';
import { acceptedEncoding, preparedJson } from '$lib/server/http';

describe('the answer cache for public lists', () => {
	test('answers from memory while fresh, and computes again after the time or a change', async () => {
		let computed = 0;
		const compute = async () => ({ jobs: [], n: ++computed });
		const first = await cachedAnswer('a', compute, 1_000);
		expect(JSON.parse(first.text)).toEqual({ jobs: [], n: 1 });
		expect(await cachedAnswer('a', compute, 2_000)).toBe(first);
		expect(computed).toBe(1);
		// Older than 30 s: read again.
		expect(JSON.parse((await cachedAnswer('a', compute, 40_000)).text).n).toBe(2);
		postingsChanged();
		expect(JSON.parse((await cachedAnswer('a', compute, 40_001)).text).n).toBe(3);
	});

	test('the ETag follows the text', async () => {
		const one = await cachedAnswer('b', async () => ({ x: 1 }), 0);
		const two = await cachedAnswer('c', async () => ({ x: 2 }), 0);
		expect(one.etag).toMatch(/^"[\w-]+"$/);
		expect(one.etag).not.toBe(two.etag);
	});

	test('a kept answer is compressed once and sent as the client accepts it; a small one goes as it is', async () => {
		const big = await cachedAnswer('big', async () => ({ jobs: Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, title: 'Sæt flasker på plads' })) }), 0);
		const asked = (encoding: string | null) => preparedJson(new Request('http://app/api/jobs', { headers: encoding ? { 'accept-encoding': encoding } : {} }), big);

		const br = asked('gzip, deflate, br');
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(zlib.brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(big.text);
		const gz = asked('gzip');
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(big.text);
		const plain = asked(null);
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(big.text);
		expect(br.headers.get('vary')).toBe('Accept-Encoding');

		const small = await cachedAnswer('small', async () => ({ x: 1 }), 0);
		expect(small.encoded).toBeUndefined();
	});

	test('the accepted encoding: brotli first, then gzip; q=0 refuses one', () => {
		expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
		expect(acceptedEncoding('br;q=0, gzip')).toBe('gzip');
		expect(acceptedEncoding('*')).toBe('gzip');
		expect(acceptedEncoding('identity')).toBeNull();
		expect(acceptedEncoding(null)).toBeNull();
		expect(acceptedEncoding('gzip;q=0')).toBeNull();
	});
});
