import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scratchPostgres } from '../scratch-postgres';
import { afterAll, beforeAll } from 'vitest';
import { migrateToLatest, openDatabase, type OpenDatabase } from '$lib/server/db';
import { seedIfEmpty } from '$lib/server/db/seed';

/**
 * The same suite runs on SQLite always, and on PostgreSQL when TEST_DATABASE_URL
 * names a server: there it makes a fresh database and drops it afterwards.
 */
export interface Backend {
	name: string;
	open(): Promise<{ database: OpenDatabase; cleanup(): Promise<void> }>;
}

export const backends: Backend[] = [
	{
		name: 'sqlite',
		async open() {
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klapjob-storage-'));
			const database = openDatabase({ dialect: 'sqlite', path: path.join(dir, 'test.db') });
			return {
				database,
				async cleanup() {
					await database.db.destroy();
					fs.rmSync(dir, { recursive: true, force: true });
				}
			};
		}
	}
];

const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) {
	backends.push({
		name: 'postgres',
		async open() {
			const scratch = await scratchPostgres(postgresUrl, 'klapjob_test');
			const database = openDatabase({ dialect: 'postgres', url: scratch.url });
			return {
				database,
				async cleanup() {
					await database.db.destroy();
					await scratch.drop();
				}
			};
		}
	});
}


/**
 * Opens the backend, migrated and seeded, before the suite's tests and closes it after.
 * Returns a getter, as the database exists only once the suite has started.
 */
export function useSeededDatabase(backend: Backend): () => OpenDatabase {
	let database: OpenDatabase | undefined;
	let cleanup: (() => Promise<void>) | undefined;
	beforeAll(async () => {
		({ database, cleanup } = await backend.open());
		await migrateToLatest(database.db);
		await seedIfEmpty(database.db);
	}, 60_000);
	afterAll(async () => cleanup?.());
	return () => {
		if (!database) throw new Error('The database opens when the suite starts');
		return database;
	};
}
