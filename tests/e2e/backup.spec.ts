import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AppServer } from './app-server';
import { applicationBody } from './application-body';

interface Acknowledged {
	id: string;
	reference: string;
	statusToken: string;
	at: number;
}

/**
 * `npm run backup -- <file>` against the server's database, as an operator runs it. `copying`
 * is the moment it says it starts the copy (after npm and tsx have started, seconds later).
 */
function runBackup(databaseFile: string, target: string): Promise<{ code: number | null; output: string; copying: number }> {
	return new Promise((resolve) => {
		let copying = 0;
		const child = spawn('npm', ['run', 'backup', '--', target], {
			cwd: path.resolve(import.meta.dirname, '../..'),
			env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		for (const stream of [child.stdout, child.stderr]) {
			stream.on('data', (chunk: Buffer) => {
				output += chunk.toString('utf8');
				if (!copying && output.includes('Copying ')) copying = Date.now();
			});
		}
		child.on('exit', (code) => resolve({ code, output, copying }));
	});
}

test('a backup made while applications arrive holds every application acknowledged before it began, and a server starts on it', async () => {
	test.setTimeout(180_000);
	const server = new AppServer(4976, { APPLICATION_RATE_LIMIT: '1000000' });
	const restoreDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klapjob-restore-'));
	const backupFile = path.join(restoreDir, 'backup.db');
	let restored: AppServer | undefined;
	await server.start();
	try {
		const acknowledged: Acknowledged[] = [];
		let sending = true;
		// Four clients send applications one after another, as fast as the server takes them.
		const clients = Array.from({ length: 4 }, async () => {
			while (sending) {
				const id = randomUUID();
				const response = await fetch(`${server.url}/api/applications`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'idempotency-key': id },
					body: JSON.stringify(applicationBody({ id, name: 'Backup Testesen' }))
				});
				expect(response.status).toBe(201);
				const receipt = (await response.json()) as { reference: string; statusToken: string };
				acknowledged.push({ id, ...receipt, at: Date.now() });
			}
		});

		await new Promise((resolve) => setTimeout(resolve, 2_000));
		const backup = await runBackup(server.databaseFile, backupFile);
		const ended = Date.now();
		// Every application acknowledged before the command said it starts the copy must be in it.
		const began = backup.copying;
		expect(began, backup.output).toBeGreaterThan(0);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		sending = false;
		await Promise.all(clients);

		expect(backup.code, backup.output).toBe(0);
		expect(backup.output).toContain('integrity check ok');
		const before = acknowledged.filter((a) => a.at < began);
		expect(before.length).toBeGreaterThan(20);
		// The load went on while the copy was made.
		expect(acknowledged.filter((a) => a.at >= began && a.at <= ended).length).toBeGreaterThan(0);
		expect(fs.readdirSync(restoreDir)).toEqual(['backup.db']);

		// Restore as README says: the copy in place of the database file, nothing beside it, then start.
		const databaseFile = path.join(restoreDir, 'app.db');
		fs.copyFileSync(backupFile, databaseFile);
		restored = new AppServer(4977, {}, { databaseFile });
		await restored.start();
		for (const application of before) {
			const response = await fetch(`${restored.url}/api/status/${application.statusToken}`);
			expect(response.status, application.reference).toBe(200);
			expect(((await response.json()) as { reference: string }).reference).toBe(application.reference);
		}
		// Nothing but whole applications: each one in the copy was acknowledged (before, during or just after).
		const stored = new Set(restored.query<{ id: string }>('select id from applications').map((row) => row.id));
		const sent = new Set(acknowledged.map((a) => a.id));
		expect([...stored].filter((id) => !sent.has(id))).toEqual([]);
		expect(stored.size).toBeGreaterThanOrEqual(before.length);
	} finally {
		await restored?.stop();
		await server.stop();
		fs.rmSync(restoreDir, { recursive: true, force: true });
	}
});
