import SQLite from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { withPreparedStatements } from '$lib/server/db';

describe('withPreparedStatements', () => {
	test('prepares a statement once and hands the same one out again', () => {
		const database = withPreparedStatements(new SQLite(':memory:'));
		const first = database.prepare('select 1 as one');
		expect(database.prepare('select 1 as one')).toBe(first);
		expect(database.prepare('select 2 as two')).not.toBe(first);
		database.close();
	});

	test('a statement still being read is not shared: a nested query gets its own', () => {
		const sqlite = new SQLite(':memory:');
		sqlite.exec('create table t (n integer); insert into t values (1), (2), (3);');
		const database = withPreparedStatements(sqlite);
		const outer = database.prepare('select n from t order by n') as unknown as SQLite.Statement;
		const seen: number[] = [];
		for (const row of outer.iterate() as Iterable<{ n: number }>) {
			const inner = database.prepare('select n from t order by n') as unknown as SQLite.Statement;
			expect(inner).not.toBe(outer);
			seen.push(row.n, (inner.get() as { n: number }).n);
		}
		expect(seen).toEqual([1, 1, 2, 1, 3, 1]);
		database.close();
	});

	test('keeps at most the limit, and still answers past it', () => {
		const database = withPreparedStatements(new SQLite(':memory:'), 2);
		database.prepare('select 1');
		database.prepare('select 2');
		const third = database.prepare('select 3');
		expect(database.prepare('select 3')).not.toBe(third);
		database.close();
	});
});
