import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema';
import { migrationProvider } from './migrations';

export type DatabaseConfig =
	| { dialect: 'sqlite'; path: string }
	| { dialect: 'postgres'; url: string };

export type DialectName = DatabaseConfig['dialect'];

export interface OpenDatabase {
	db: Kysely<Database>;
	dialect: DialectName;
}

const DEFAULT_SQLITE_PATH = 'data/klapjob.db';

/** `DATABASE_URL` unset → data/klapjob.db; `file:PATH` → SQLite at PATH; `postgres://…` → PostgreSQL. */
export function databaseConfigFromUrl(url: string | undefined): DatabaseConfig {
	if (!url) return { dialect: 'sqlite', path: DEFAULT_SQLITE_PATH };
	if (url.startsWith('file:')) return { dialect: 'sqlite', path: url.slice('file:'.length) };
	if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
		return { dialect: 'postgres', url };
	}
	throw new Error('DATABASE_URL must start with file: or postgres://');
}

function openSqlite(file: string): SQLite.Database {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const sqlite = new SQLite(file);
	// WAL lets readers run while a write commits; FULL makes a commit survive power loss.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return sqlite;
}

export function openDatabase(config: DatabaseConfig): OpenDatabase {
	if (config.dialect === 'sqlite') {
		const db = new Kysely<Database>({
			dialect: new SqliteDialect({ database: openSqlite(config.path) })
		});
		return { db, dialect: 'sqlite' };
	}
	const pool = new pg.Pool({ connectionString: config.url, max: 10 });
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	return { db, dialect: 'postgres' };
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
	const migrator = new Migrator({ db, provider: migrationProvider });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((result) => result.status === 'Error');
	if (error || failed) {
		throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}`, {
			cause: error
		});
	}
}
