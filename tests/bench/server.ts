/**
 * What both benches share: the built app started as in production (src/cli/serve.js,
 * NODE_ENV=production) on a port and a database of their own, and a fixed piece of work to
 * tell a busy or slower machine from a slower app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerOptions {
	/** Settings on top of the bench's own environment (rate limits raised for the load). */
	env?: Record<string, string>;
	/** Show the app's errors in the bench's output. */
	showErrors?: boolean;
	/** How long the app may take to answer /api/health. */
	startSeconds?: number;
}

/** Starts the built app and waits until it answers. */
export async function startServer(port: number, databaseUrl: string, options: ServerOptions = {}): Promise<ChildProcess> {
	const child = spawn('node', ['src/cli/serve.js'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, ...options.env, NODE_ENV: 'production' },
		stdio: options.showErrors ? ['ignore', 'ignore', 'inherit'] : 'ignore'
	});
	for (let i = 0; i < (options.startSeconds ?? 30) * 10; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
		} catch {
			// starting
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('The app did not start');
}

export async function stopServer(child: ChildProcess): Promise<void> {
	await new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}

/** A fixed loop of 3×10⁸ additions in ms, so runs on different machines (and a busy machine) can be compared. */
export function cpuCheck(): number {
	const start = performance.now();
	let sum = 0;
	for (let i = 0; i < 300_000_000; i++) sum += i % 7;
	if (sum < 0) throw new Error('unreachable');
	return Math.round(performance.now() - start);
}
