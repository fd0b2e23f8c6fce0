import { describe, expect, test } from 'vitest';
import { serverOrDevice, type Answer } from '$lib/network/server-or-device';

const limits = { limitMs: 100, noCopyLimitMs: 400 };

class NotFound extends Error {}
const isServerAnswer = (cause: unknown) => cause instanceof NotFound;

/** A server that answers after `ms` (never, if undefined), and notes whether it was cancelled. */
function server(ms?: number) {
	const asked = { cancelled: false };
	const ask = (signal: AbortSignal) => {
		signal.addEventListener('abort', () => (asked.cancelled = true));
		return new Promise<Answer<string>>((resolve) => {
			if (ms !== undefined) setTimeout(() => resolve({ value: 'fresh', source: 'server' }), ms);
		});
	};
	return { ask, asked };
}

async function timed<T>(work: Promise<T>): Promise<{ result: T; ms: number }> {
	const started = Date.now();
	const result = await work;
	return { result, ms: Date.now() - started };
}

describe('the server, or the copy on the device', () => {
	test('an answer in time is the server’s', async () => {
		const { ask } = server(10);
		const { result } = await timed(serverOrDevice(ask, async () => 'copy', isServerAnswer, limits));
		expect(result).toEqual({ value: 'fresh', source: 'server' });
	});

	test('a server that hangs: the copy after the limit, and the request is cancelled', async () => {
		const { ask, asked } = server(undefined);
		const { result, ms } = await timed(serverOrDevice(ask, async () => 'copy', isServerAnswer, limits));
		expect(result).toEqual({ value: 'copy', source: 'device' });
		expect(ms).toBeGreaterThanOrEqual(95);
		expect(ms).toBeLessThan(300);
		expect(asked.cancelled).toBe(true);
	});

	test('no connection: the copy at once, without waiting for the limit', async () => {
		const ask = async () => {
			throw new TypeError('Failed to fetch');
		};
		const { result, ms } = await timed(serverOrDevice(ask, async () => 'copy', isServerAnswer, limits));
		expect(result).toEqual({ value: 'copy', source: 'device' });
		expect(ms).toBeLessThan(90);
	});

	test('a slow line and no copy: it waits longer for the server', async () => {
		const { ask } = server(250);
		const { result } = await timed(serverOrDevice(ask, async () => undefined, isServerAnswer, limits));
		expect(result).toEqual({ value: 'fresh', source: 'server' });
	});

	test('a server that hangs and no copy: nothing, at the longer limit, and the request is cancelled', async () => {
		const { ask, asked } = server(undefined);
		const { result, ms } = await timed(serverOrDevice(ask, async () => undefined, isServerAnswer, limits));
		expect(result).toBeUndefined();
		expect(ms).toBeGreaterThanOrEqual(390);
		expect(ms).toBeLessThan(800);
		expect(asked.cancelled).toBe(true);
	});

	test('what the server said (a 404) is not covered up by the copy', async () => {
		const ask = async (): Promise<Answer<string>> => {
			throw new NotFound();
		};
		let askedDevice = false;
		const fromDevice = async () => ((askedDevice = true), 'copy');
		await expect(serverOrDevice(ask, fromDevice, isServerAnswer, limits)).rejects.toBeInstanceOf(NotFound);
		expect(askedDevice).toBe(false);
	});
});
