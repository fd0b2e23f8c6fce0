import { describe, expect, test } from 'vitest';
import { demoAccountsWanted } from '$lib/server/demo-accounts';
import { databaseConfigFromUrl } from '$lib/server/db';

const wanted = (env: Record<string, string | undefined>) => demoAccountsWanted(env, databaseConfigFromUrl(env.DATABASE_URL));

describe('demo staff accounts', () => {
	test('are made on the embedded SQLite at its default path, on a local start', () => {
		expect(wanted({})).toBe(true);
		expect(wanted({ NODE_ENV: 'development' })).toBe(true);
	});

	test('are never made in production, on PostgreSQL or on a database someone chose', () => {
		expect(wanted({ NODE_ENV: 'production' })).toBe(false);
		expect(wanted({ DATABASE_URL: 'postgres://app@db.example/klapjob' })).toBe(false);
		expect(wanted({ DATABASE_URL: 'postgresql://app@db.example/klapjob' })).toBe(false);
		expect(wanted({ DATABASE_URL: 'file:/srv/klapjob/klapjob.db' })).toBe(false);
		expect(wanted({ DATABASE_URL: 'file:data/klapjob.db' })).toBe(false);
	});

	test('a test asks for them on its own SQLite file; the ask is ignored in production and on PostgreSQL', () => {
		expect(wanted({ DEMO_ACCOUNTS: '1', DATABASE_URL: 'file:/tmp/klapjob-e2e.db' })).toBe(true);
		expect(wanted({ DEMO_ACCOUNTS: '1', DATABASE_URL: 'file:/tmp/klapjob-e2e.db', NODE_ENV: 'production' })).toBe(false);
		expect(wanted({ DEMO_ACCOUNTS: '1', DATABASE_URL: 'postgres://app@db.example/klapjob' })).toBe(false);
		expect(wanted({ DEMO_ACCOUNTS: 'yes', DATABASE_URL: 'file:/tmp/klapjob-e2e.db' })).toBe(false);
	});
});
