/**
 * Serves the built app on a fresh PostgreSQL database (made on the server TEST_DATABASE_URL
 * names), so the API tests run against PostgreSQL too. The database is dropped on stop.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { scratchPostgres } from './scratch-postgres';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error('Set TEST_DATABASE_URL to a PostgreSQL server.');

const scratch = await scratchPostgres(serverUrl, 'klapjob_e2e');
const app = spawn(process.execPath, ['src/cli/serve.js'], {
	cwd: path.resolve(import.meta.dirname, '..'),
	stdio: 'inherit',
	env: { ...process.env, DATABASE_URL: scratch.url }
});

let stopping = false;
async function stop(code: number): Promise<void> {
	if (stopping) return;
	stopping = true;
	if (app.exitCode === null && app.signalCode === null) {
		app.kill('SIGTERM');
		await once(app, 'exit');
	}
	await scratch.drop();
	process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
app.on('exit', (code) => void stop(code ?? 1));
