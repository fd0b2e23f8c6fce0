import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export const onPostgres = (db: Kysely<Database>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The database's own clock, as the ISO text the tables keep (2026-12-02T14:30:00.123Z).
 * Several app servers share one PostgreSQL and their clocks may differ by seconds; a time
 * that orders changes across them (the phone's cursor of posting changes) is the database's.
 */
export async function databaseNow(db: Kysely<Database>): Promise<string> {
	const now = onPostgres(db)
		? sql<string>`to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
		: sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
	const { rows } = await sql<{ now: string }>`select ${now} as now`.execute(db);
	return rows[0]!.now;
}
