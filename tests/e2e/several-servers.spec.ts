import 'fake-indexeddb/auto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect, test } from '@playwright/test';
import { KlapjobDatabase } from '../../src/lib/outbox/db';
import { syncOutbox } from '../../src/lib/outbox/sync';
import type { Application } from '../../src/lib/application/schema';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { loadSecretKey } from '../../src/lib/server/auth/secret-key';
import { encryptSecret } from '../../src/lib/server/auth/two-factor';
import { STAFF_PASSWORD, STAFF_TOTP_SECRET, signIn } from './staff-account';
import { AppServer } from './app-server';
import { applicationBody } from './application-body';
import { scratchPostgres } from '../scratch-postgres';
import { seededRandom } from './seeded-random';

/**
 * A larger deployment: two app servers on one PostgreSQL behind a round-robin proxy.
 * Applications go through the app's own sync engine while one server is killed with
 * kill -9 halfway; every acknowledged application is stored exactly once. A staff
 * session works on both servers, and a posting paused through one is gone from the
 * other's public list within LIST_CACHE_SECONDS.
 */
const postgresUrl = process.env.TEST_DATABASE_URL;
const DEVICES = 4;
const PER_DEVICE = 50;
const LIST_CACHE_SECONDS = 3;
const PASSWORD = STAFF_PASSWORD;
/** Both servers share the key that encrypts two-factor secrets. */
const SECRET_KEY = 'several-servers-test-key';

/** Round robin over the servers; a server that is gone drops the connection, as a load balancer's failed upstream would. */
function roundRobin(targets: string[], onRequest: (request: http.IncomingMessage) => void = () => undefined) {
	let turn = 0;
	return http.createServer((request, response) => {
		onRequest(request);
		const upstream = new URL(targets[turn++ % targets.length]!);
		const out = http.request(
			{ host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: request.headers },
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			}
		);
		out.on('error', () => request.socket.destroy());
		request.pipe(out);
	});
}

test.describe('two app servers on one PostgreSQL', () => {
	test.skip(!postgresUrl, 'needs PostgreSQL: set TEST_DATABASE_URL (.ci/run does when a server is there)');

	test('kill -9 one server halfway: every application arrives exactly once; sessions and posting changes reach both', async ({ browser }) => {
		test.setTimeout(240_000);
		const scratch = await scratchPostgres(postgresUrl!, 'klapjob_two_servers');
		const env = { DATABASE_URL: scratch.url, STAFF_SECRET_KEY: SECRET_KEY, LIST_CACHE_SECONDS: String(LIST_CACHE_SECONDS), APPLICATION_RATE_LIMIT: '1000000', SIGN_IN_LIMIT_PER_ADDRESS: '1000' };
		const first = new AppServer(4960, env);
		const second = new AppServer(4961, env);
		// The first migrates and seeds; the second finds it done.
		await first.start();
		await second.start();
		// When half the applications have been sent, the second server dies with requests in flight.
		let sent = 0;
		let killed = false;
		const proxy = roundRobin([first.url, second.url], (request) => {
			if (request.method === 'POST' && request.url?.startsWith('/api/applications') && ++sent === (DEVICES * PER_DEVICE) / 2) {
				killed = true;
				void second.crash();
			}
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
		const client = new pg.Client({ connectionString: scratch.url });
		await client.connect();
		const seed = Date.now() % 2 ** 31;
		const next = seededRandom(seed);
		const devices = Array.from({ length: DEVICES }, (_, i) => new KlapjobDatabase(`two-servers-${seed}-${i}`));
		try {
			const ids: string[] = [];
			for (const db of devices) {
				await db.outbox.bulkPut(
					Array.from({ length: PER_DEVICE }, () => {
						const id = randomUUID();
						ids.push(id);
						return {
							id,
							application: applicationBody({ id, name: `To servere ${id.slice(0, 8)}` }) as unknown as Application,
							postingTitle: 'Pak brød i bageren',
							state: 'waiting' as const,
							attempts: 0,
							nextAttemptAt: 0,
							queuedAt: Date.now()
						};
					})
				);
			}
			const receipts = async () => (await Promise.all(devices.map((db) => db.receipts.count()))).reduce((a, b) => a + b, 0);
			const pending = async () => (await Promise.all(devices.map((db) => db.outbox.count()))).reduce((a, b) => a + b, 0);

			// The devices send in turn (one sync at a time in one process), through the proxy.
			let round = 0;
			while ((await pending()) > 0 && round < 500) {
				round++;
				const now = Date.now() + round * 120_000;
				for (const db of devices) await syncOutbox({ db, fetch, baseUrl: proxyUrl, now: () => now, random: next });
			}
			expect(killed).toBe(true);
			console.log(`two servers (seed ${seed}): ${round} rounds, ${sent} application requests; the second server was killed at ${(DEVICES * PER_DEVICE) / 2}`);

			expect(await pending()).toBe(0);
			expect(await receipts()).toBe(DEVICES * PER_DEVICE);
			const { rows } = await client.query<{ id: string; n: string }>('select id, count(*) as n from applications group by id');
			expect(rows.filter((row) => Number(row.n) !== 1)).toEqual([]);
			expect(new Set(rows.map((row) => row.id))).toEqual(new Set(ids));

			// The second server comes back; a staff session made on one works on the other.
			await second.start();
			const email = `sekretariat-${randomUUID().slice(0, 8)}@klapjob.example`;
			await client.query(
				`insert into staff (id, email, name, role, consultant_id, password_hash, disabled, created_at, must_change_password, totp_secret) values ($1, $2, 'To servere', 'sekretariat', null, $3, 0, $4, 0, $5)`,
				[randomUUID(), email, await hashPassword(PASSWORD), new Date().toISOString(), encryptSecret(STAFF_TOTP_SECRET, loadSecretKey({ STAFF_SECRET_KEY: SECRET_KEY }, { dialect: 'postgres', url: scratch.url }))]
			);
			const context = await browser.newContext();
			const page = await context.newPage();
			// Password on the first server, the code on the second: the ticket between them is in the database too.
			await signIn(page, email, { base: first.url });
			// Cookies belong to the host, not the port: the same session goes to the other server.
			const other = await page.request.get(`${second.url}/api/staff/applications`);
			expect(other.status()).toBe(200);

			// A posting paused through the first server leaves the second's list within LIST_CACHE_SECONDS.
			// The second server has the list in memory, p0001 in it.
			const listed = async () => ((await (await fetch(`${second.url}/api/jobs?limit=500`)).json()) as { jobs: { id: string }[] }).jobs;
			const onSecond = async () => (await fetch(`${second.url}/api/jobs/p0001`)).status;
			expect(await onSecond()).toBe(200);
			expect((await listed()).some((job) => job.id === 'p0001')).toBe(true);
			await page.goto(`${first.url}/personale/opslag/p0001`);
			await page.getByRole('button', { name: 'Sæt på pause' }).click();
			await expect(page.getByText('På pause', { exact: true })).toBeVisible();
			const paused = Date.now();
			let gone = Number.POSITIVE_INFINITY;
			while (Date.now() - paused < (LIST_CACHE_SECONDS + 5) * 1000) {
				if (!(await listed()).some((job) => job.id === 'p0001') && (await onSecond()) === 404) {
					gone = Date.now() - paused;
					break;
				}
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			console.log(`two servers: the paused posting left the other server's list after ${gone} ms`);
			expect(gone).toBeLessThanOrEqual(LIST_CACHE_SECONDS * 1000 + 1000);
			await context.close();
		} finally {
			proxy.close();
			for (const db of devices) db.close();
			await client.end();
			await first.stop();
			await second.stop();
			await scratch.drop();
		}
	});
});
