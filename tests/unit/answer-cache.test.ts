import { describe, expect, test } from 'vitest';
import { cachedAnswer, postingsChanged } from '$lib/server/answer-cache';

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
});
