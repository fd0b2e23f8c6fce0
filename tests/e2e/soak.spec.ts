import 'fake-indexeddb/auto';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { KlapjobDatabase } from '../../src/lib/outbox/db';
import { syncOutbox } from '../../src/lib/outbox/sync';
import type { Application } from '../../src/lib/application/schema';
import { AppServer } from './app-server';
import { applicationBody } from './application-body';
import { seededRandom } from './seeded-random';

/**
 * Fault soak: 1,000 applications from 10 devices, through the app's own sync engine
 * (IndexedDB by fake-indexeddb, in Node), to the real server behind a proxy that drops
 * connections, loses answers after the server has acted, delays, and answers 500 at
 * random. At the end the server holds exactly 1,000 applications, and no device keeps
 * anything personal: only receipts.
 */
const DEVICES = 10;
const PER_DEVICE = 100;
const SEED = Number(process.env.SOAK_SEED ?? Date.now() % 2 ** 31);

type Fault = 'drop' | 'lose-answer' | 'error-500' | 'delay' | 'pass';

/** A proxy in front of the server that misbehaves the way a poor mobile line does. */
function faultyProxy(target: string, next: () => number, faults: Map<Fault, number>) {
	const upstream = new URL(target);
	return http.createServer((request, response) => {
		const roll = next();
		const fault: Fault = roll < 0.1 ? 'drop' : roll < 0.2 ? 'lose-answer' : roll < 0.3 ? 'error-500' : roll < 0.4 ? 'delay' : 'pass';
		faults.set(fault, (faults.get(fault) ?? 0) + 1);
		if (fault === 'drop') return request.socket.destroy();
		if (fault === 'error-500') {
			response.writeHead(500, { 'content-type': 'text/plain' });
			return response.end('proxy says no');
		}
		const forward = () => {
			const out = http.request(
				{ host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers },
				(answer) => {
					// The server has done the work; the answer never reaches the phone.
					if (fault === 'lose-answer') {
						answer.resume();
						answer.on('end', () => request.socket.destroy());
						return;
					}
					response.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(response);
				}
			);
			out.on('error', () => request.socket.destroy());
			request.pipe(out);
		};
		if (fault === 'delay') setTimeout(forward, Math.floor(next() * 300));
		else forward();
	});
}

test('1,000 applications through drops, lost answers, delays and 500s arrive exactly once', async () => {
	test.setTimeout(300_000);
	const server = new AppServer(4950, { APPLICATION_RATE_LIMIT: '1000000' });
	await server.start();
	const next = seededRandom(SEED);
	const faults = new Map<Fault, number>();
	const proxy = faultyProxy(server.url, next, faults);
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	const proxyUrl = `http://127.0.0.1:${(proxy.address() as import('node:net').AddressInfo).port}`;
	const devices = Array.from({ length: DEVICES }, (_, i) => new KlapjobDatabase(`soak-${SEED}-${i}`));
	const ids: string[] = [];
	const names: string[] = [];
	try {
		for (const db of devices) {
			await db.outbox.bulkPut(
				Array.from({ length: PER_DEVICE }, () => {
					const id = randomUUID();
					const name = `Soak ${id.slice(0, 8)}`;
					ids.push(id);
					names.push(name);
					return {
						id,
						application: applicationBody({ id, name }) as unknown as Application,
						postingTitle: 'Pak brød i bageren',
						state: 'waiting' as const,
						attempts: 0,
						nextAttemptAt: 0,
						queuedAt: Date.now()
					};
				})
			);
		}

		// Each round is two minutes later on the devices' clocks: every backoff has run out.
		let round = 0;
		const pending = async () => (await Promise.all(devices.map((db) => db.outbox.count()))).reduce((a, b) => a + b, 0);
		while ((await pending()) > 0 && round < 2000) {
			round++;
			const now = Date.now() + round * 120_000;
			for (const db of devices) {
				await syncOutbox({ db, fetch, baseUrl: proxyUrl, now: () => now, random: next });
			}
		}
		console.log(`soak seed ${SEED}: ${round} rounds; faults ${JSON.stringify(Object.fromEntries(faults))}`);

		expect(await pending()).toBe(0);
		const stored = server.query<{ id: string }>(`select id from applications`);
		expect(stored).toHaveLength(DEVICES * PER_DEVICE);
		expect(new Set(stored.map((row) => row.id))).toEqual(new Set(ids));
		// Lost answers happened, and were survived: the server had to see some twice.
		expect(faults.get('lose-answer') ?? 0).toBeGreaterThan(10);
		for (const db of devices) {
			expect(await db.receipts.count()).toBe(PER_DEVICE);
			expect(await db.drafts.count()).toBe(0);
			const everything = JSON.stringify({ outbox: await db.outbox.toArray(), receipts: await db.receipts.toArray() });
			for (const field of ['Soak ', '22334455', '"phone"', '"name"', '"municipality"']) expect(everything).not.toContain(field);
		}
	} finally {
		proxy.close();
		for (const db of devices) db.close();
		await server.stop();
	}
});
