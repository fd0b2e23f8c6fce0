import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { migrateToLatest, openDatabase, type OpenDatabase } from '$lib/server/db';
import { seedIfEmpty } from '$lib/server/db/seed';
import { hashPassword, newOneTimePassword, verifyPassword } from '$lib/server/auth/passwords';
import { checkCredentials, createStaff, setStaffDisabled, staffCount } from '$lib/server/auth/staff';
import { createSession, deleteSession, staffForToken, SESSION_HOURS } from '$lib/server/auth/sessions';
import { createDemoAccountsIfNone } from '$lib/server/demo-accounts';
import { backends, useSeededDatabase } from './backends';

const KEY = Buffer.alloc(32, 7);

describe('passwords', () => {
	test('a hash verifies its own password and no other, and never holds it in clear', async () => {
		const hash = await hashPassword('correct horse');
		expect(hash.startsWith('scrypt$')).toBe(true);
		expect(hash).not.toContain('correct horse');
		expect(await verifyPassword('correct horse', hash)).toBe(true);
		expect(await verifyPassword('correct hors', hash)).toBe(false);
		expect(await hashPassword('correct horse')).not.toBe(hash);
	});

	test('one-time passwords are long and easy to type', () => {
		expect(newOneTimePassword()).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
	});
});

describe.each(backends)('accounts and sessions on $name', (backend) => {
	const database = useSeededDatabase(backend);

	test('a session lasts a working day, ends at sign-out, and a closed account signs nobody in', async () => {
		const { staff, password } = await createStaff(database().db, { email: 'Ny@Klapjob.Example ', name: 'Ny', role: 'sekretariat' });
		expect(staff.email).toBe('ny@klapjob.example');
		expect(await checkCredentials(database().db, 'NY@klapjob.example', password)).toMatchObject({ id: staff.id });
		expect(await checkCredentials(database().db, 'ny@klapjob.example', 'wrong')).toBeNull();

		const start = new Date('2026-11-24T08:00:00.000Z');
		const { token } = await createSession(database().db, staff.id, start);
		expect(await staffForToken(database().db, token, new Date(start.getTime() + 60_000))).toMatchObject({ id: staff.id });
		expect(await staffForToken(database().db, token, new Date(start.getTime() + SESSION_HOURS * 3600_000 + 1))).toBeNull();
		// Only a hash of the token is stored.
		const stored = await database().db.selectFrom('staff_sessions').select('token_hash').execute();
		expect(stored.map((row) => row.token_hash)).not.toContain(token);

		const second = await createSession(database().db, staff.id);
		await deleteSession(database().db, second.token);
		expect(await staffForToken(database().db, second.token)).toBeNull();

		const third = await createSession(database().db, staff.id);
		await setStaffDisabled(database().db, staff.id, true);
		expect(await staffForToken(database().db, third.token)).toBeNull();
		expect(await checkCredentials(database().db, 'ny@klapjob.example', password)).toBeNull();
	});

	test('a konsulent account must name its consultant', async () => {
		await expect(createStaff(database().db, { email: 'k@klapjob.example', name: 'K', role: 'konsulent' })).rejects.toThrow(/consultant/);
	});
});

describe('demo accounts', () => {
	let database: OpenDatabase;
	let dir: string;
	const env = process.env.NODE_ENV;

	beforeAll(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klapjob-demo-'));
		database = openDatabase({ dialect: 'sqlite', path: path.join(dir, 'demo.db') });
		await migrateToLatest(database.db);
		await seedIfEmpty(database.db);
	});
	afterEach(() => {
		process.env.NODE_ENV = env;
	});
	afterAll(async () => {
		await database.db.destroy();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('production never gets them; otherwise one per role, once', async () => {
		process.env.NODE_ENV = 'production';
		await createDemoAccountsIfNone(database.db, KEY);
		expect(await staffCount(database.db)).toBe(0);
		process.env.NODE_ENV = 'development';
		await createDemoAccountsIfNone(database.db, KEY);
		await createDemoAccountsIfNone(database.db, KEY);
		const roles = (await database.db.selectFrom('staff').select('role').execute()).map((row) => row.role).sort();
		expect(roles).toEqual(['admin', 'konsulent', 'sekretariat']);
	});
});

describe('npm run staff', () => {
	test('adds an account and prints its one-time password once', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klapjob-cli-'));
		const run = promisify(execFile);
		const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, 'cli.db')}`, NODE_ENV: 'production' };
		const added = await run('npx', ['tsx', '--tsconfig', 'tsconfig.json', 'src/cli/staff.ts', 'add', '--email', 'cli@klapjob.example', '--role', 'konsulent', '--consultant', 'c01'], { env });
		expect(added.stdout).toMatch(/Created cli@klapjob\.example \(konsulent\)\. One-time password: [a-z2-9-]{19}/);
		const listed = await run('npx', ['tsx', '--tsconfig', 'tsconfig.json', 'src/cli/staff.ts', 'list'], { env });
		expect(listed.stdout).toContain('cli@klapjob.example\tkonsulent\tactive');
		expect(listed.stdout).not.toMatch(/password/i);
		const refused = run('npx', ['tsx', '--tsconfig', 'tsconfig.json', 'src/cli/staff.ts', 'add', '--email', 'x@klapjob.example', '--role', 'konsulent'], { env });
		await expect(refused).rejects.toMatchObject({ code: 2 });
		fs.rmSync(dir, { recursive: true, force: true });
	}, 60_000);
});
