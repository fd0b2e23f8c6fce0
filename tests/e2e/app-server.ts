import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * A server of the built app that a test may stop and start again: the truthful way
 * to take the connection away (the service worker's fetches fail for real).
 */
export class AppServer {
	readonly databaseFile: string;
	#process: ChildProcess | undefined;
	#output = '';

	readonly port: number;

	/** E2E_PORT_OFFSET moves every test server's port, so two checkouts can test at once. */
	constructor(
		port: number,
		readonly env: Record<string, string> = {},
		/** Keep what the server prints (stdout and stderr), for a test that reads it; else it is dropped. */
		readonly options: { captureOutput?: boolean; databaseFile?: string } = {}
	) {
		this.port = port + Number(process.env.E2E_PORT_OFFSET ?? 0);
		this.databaseFile = options.databaseFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'klapjob-app-')), 'app.db');
	}

	/** What the server has printed so far, when started with `captureOutput`. */
	get output(): string {
		return this.#output;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async start(): Promise<void> {
		this.#process = spawn('node', ['src/cli/serve.js'], {
			cwd: path.resolve(import.meta.dirname, '../..'),
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DATABASE_URL: `file:${this.databaseFile}`,
				DEMO_ACCOUNTS: '1',
				...this.env
			},
			stdio: this.options.captureOutput ? ['ignore', 'pipe', 'pipe'] : 'ignore'
		});
		const child = this.#process;
		for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (this.#output += chunk.toString('utf8')));
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			// Died at once (the port taken by a server left over?): say so, do not talk to the other one.
			if (child.exitCode !== null) throw new Error(`The app on port ${this.port} exited with ${child.exitCode}`);
			try {
				const response = await fetch(`${this.url}/api/health`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error(`The app did not start on port ${this.port}`);
	}

	/** kill -9: no shutdown, no flush; what the database promised must survive it. */
	crash(): Promise<void> {
		return this.#end('SIGKILL');
	}

	stop(): Promise<void> {
		return this.#end('SIGTERM');
	}

	async #end(signal: NodeJS.Signals): Promise<void> {
		const child = this.#process;
		if (!child || child.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			child.once('exit', () => resolve());
			child.kill(signal);
		});
		this.#process = undefined;
	}

	/** Reads the real database, as the server left it. */
	query<T>(sql: string, ...params: unknown[]): T[] {
		const db = new Database(this.databaseFile, { readonly: true });
		try {
			return db.prepare(sql).all(...params) as T[];
		} finally {
			db.close();
		}
	}
}
