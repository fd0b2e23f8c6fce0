import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect, test } from '@playwright/test';
import { AppServer } from './app-server';
import { applicationBody } from './application-body';
import { scratchPostgres } from '../scratch-postgres';

/**
 * Crash test: concurrent clients send applications while the server is killed with
 * kill -9 at random moments and started again. Every application that got a 2xx must be
 * in the database exactly once — on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
const CLIENTS = 8;
const CRASHES = 5;

interface Backend {
	name: string;
	env(): Promise<Record<string, string>>;
	count(server: AppServer, ids: string[]): Promise<Map<string, number>>;
	cleanup(): Promise<void>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;
let scratch: Awaited<ReturnType<typeof scratchPostgres>> | undefined;
const backends: Backend[] = [
	{
		name: 'SQLite',
		env: async () => ({}),
		async count(server, ids) {
			const rows = server.query<{ id: string; n: number }>(`select id, count(*) as n from applications group by id`);
			const counts = new Map(rows.map((row) => [row.id, row.n]));
			return new Map(ids.map((id) => [id, counts.get(id) ?? 0]));
		},
		cleanup: async () => undefined
	},
	...(postgresUrl
		? [
				{
					name: 'PostgreSQL',
					async env() {
						scratch = await scratchPostgres(postgresUrl, 'klapjob_crash');
						return { DATABASE_URL: scratch.url };
					},
					async count(_server: AppServer, ids: string[]) {
						const client = new pg.Client({ connectionString: scratch!.url });
						await client.connect();
						const { rows } = await client.query<{ id: string; n: string }>('select id, count(*) as n from applications group by id');
						await client.end();
						const counts = new Map(rows.map((row) => [row.id, Number(row.n)]));
						return new Map(ids.map((id) => [id, counts.get(id) ?? 0]));
					},
					cleanup: async () => scratch?.drop()
				} satisfies Backend
			]
		: [])
];

for (const [index, backend] of backends.entries()) {
	test(`kill -9 while applications arrive: every 2xx is stored exactly once (${backend.name})`, async () => {
		test.setTimeout(180_000);
		const server = new AppServer(4800 + index, { APPLICATION_RATE_LIMIT: '1000000', ...(await backend.env()) });
		await server.start();
		try {
			const acknowledged = new Set<string>();
			/** Sent, but the answer was lost in the crash: the device would send these again. */
			const unanswered = new Set<string>();
			let running = true;

			// As in the outbox: an application is made once, and sent again byte for byte.
			const bodies = new Map<string, string>();
			const send = async (id: string) => {
				if (!bodies.has(id)) bodies.set(id, JSON.stringify(applicationBody({ id, name: `Crash ${id.slice(0, 8)}` })));
				const response = await fetch(`${server.url}/api/applications`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'idempotency-key': id },
					body: bodies.get(id)
				});
				if (response.status === 200 || response.status === 201) return true;
				throw new Error(`Unexpected ${response.status}`);
			};
			const client = async () => {
				while (running) {
					const id = randomUUID();
					try {
						await send(id);
						acknowledged.add(id);
					} catch {
						unanswered.add(id);
						await new Promise((resolve) => setTimeout(resolve, 50));
					}
				}
			};
			const clients = Array.from({ length: CLIENTS }, client);
		try {
				for (let crash = 0; crash < CRASHES; crash++) {
					await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 900));
					await server.crash();
					await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 300));
					await server.start();
				}
				await new Promise((resolve) => setTimeout(resolve, 500));
		} finally {
			running = false;
			await Promise.all(clients);
		}
		// What the devices would do next: send again what got no answer, with the same key.
		for (const id of unanswered) {
			await send(id);
			acknowledged.add(id);
		}
		await server.stop();

		console.log(`${backend.name}: ${acknowledged.size} applications acknowledged through ${CRASHES} crashes, ${unanswered.size} sent again after losing their answer`);
		expect(acknowledged.size).toBeGreaterThan(100);
		expect(unanswered.size).toBeGreaterThan(0);
		const counts = await backend.count(server, [...acknowledged]);
		const wrong = [...counts].filter(([, n]) => n !== 1);
		expect(wrong).toEqual([]);
		} finally {
			await server.stop();
			await backend.cleanup();
		}
	});
}
