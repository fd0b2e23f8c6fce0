import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
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

export const DEFAULT_SQLITE_PATH = 'data/klapjob.db';

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
	// Deleted rows are overwritten with zeros, not left in free pages: a deleted person's
	// name and answers cannot be read from the file afterwards.
	sqlite.pragma('secure_delete = ON');
	return sqlite;
}

/**
 * Kysely's SQLite driver prepares every statement anew, and preparing was ~8 % of a
 * request (PROFILE.md). The app runs the same few hundred statements over and over,
 * so each is prepared once and kept. A statement still being iterated is not shared.
 */
export function withPreparedStatements(sqlite: SQLite.Database, limit = 1000): SqliteDatabase {
	const statements = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(sql) {
			const kept = statements.get(sql);
			if (kept && !kept.busy) return kept;
			const statement = sqlite.prepare(sql);
			if (!kept && statements.size < limit) statements.set(sql, statement);
			return statement;
		}
	};
}

export function openDatabase(config: DatabaseConfig): OpenDatabase {
	if (config.dialect === 'sqlite') {
		const db = new Kysely<Database>({
			dialect: new SqliteDialect({ database: withPreparedStatements(openSqlite(config.path)) })
		});
		return { db, dialect: 'sqlite' };
	}
	const pool = new pg.Pool({ connectionString: config.url, max: 10 });
	// A connection that fails while idle (the server restarts, an admin ends it) is only
	// dropped from the pool; unheard, pg would turn it into an uncaught error and stop the app.
	pool.on('error', (error: Error & { code?: string }) => {
		console.warn(`PostgreSQL: an idle connection was closed (${error.code ?? error.message})`);
	});
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
