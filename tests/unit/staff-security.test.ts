import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, test } from 'vitest';
import { createStaff } from '$lib/server/auth/staff';
import { createSession, sessionForToken, IDLE_MINUTES } from '$lib/server/auth/sessions';
import { passwordProblem } from '$lib/server/auth/password-rules';
import { changeOwnPassword } from '$lib/server/auth/change-password';
import { gateRedirect } from '$lib/server/auth/gate';
import { loadSecretKey, secretKeyFile } from '$lib/server/auth/secret-key';
import { recordSecondStepFailure, secondStepLimited } from '$lib/server/auth/sign-in-limit';
import {
	checkSecondStep,
	confirmEnrolment,
	decryptSecret,
	encryptSecret,
	resetTwoFactor,
	startEnrolment,
	twoFactorEnrolled
} from '$lib/server/auth/two-factor';
import { backends, useSeededDatabase } from './backends';
import { openDatabase } from '$lib/server/db';

const KEY = Buffer.alloc(32, 3);
const codeAt = (secret: string, time: Date) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: time.getTime() });

describe('password rules', () => {
	test('at least 12 characters, and not a common or easily guessed one', () => {
		expect(passwordProblem('kort-kode1')).toBe('too-short');
		expect(passwordProblem('password1234')).toBe('weak');
		expect(passwordProblem('qwertyuiop123')).toBe('weak');
		expect(passwordProblem('aaaaaaaaaaaaaaaa')).toBe('weak');
		expect(passwordProblem('x'.repeat(201))).toBe('too-long');
		expect(passwordProblem('anna.berg@klapjob.dk2', ['anna.berg@klapjob.dk', 'Anna Berg'])).toBe('weak');
		expect(passwordProblem('blæksprutte-cykel-tagrende-44')).toBeNull();
	});

	test('gates: only the page to finish and sign-out are open', () => {
		expect(gateRedirect(null, '/personale')).toBeNull();
		expect(gateRedirect('password', '/personale')).toBe('/personale/adgangskode');
		expect(gateRedirect('password', '/api/staff/applications')).toBe('/personale/adgangskode');
		expect(gateRedirect('password', '/personale/adgangskode')).toBeNull();
		expect(gateRedirect('password', '/personale/to-trin')).toBe('/personale/adgangskode');
		expect(gateRedirect('two-factor', '/personale/konti')).toBe('/personale/to-trin');
		expect(gateRedirect('two-factor', '/personale/log-ud')).toBeNull();
	});

	test('the key file is made once, with mode 0600, and read after; STAFF_SECRET_KEY wins', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klapjob-key-'));
		const config = { dialect: 'sqlite' as const, path: path.join(dir, 'app.db') };
		const first = loadSecretKey({}, config);
		expect(first.length).toBe(32);
		expect(fs.statSync(secretKeyFile(config)).mode & 0o777).toBe(0o600);
		expect(loadSecretKey({}, config).equals(first)).toBe(true);
		expect(loadSecretKey({ STAFF_SECRET_KEY: 'a long random text' }, config).equals(first)).toBe(false);
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('a secret is stored encrypted, and only the right key opens it', () => {
		const stored = encryptSecret('JBSWY3DPEHPK3PXP', KEY);
		expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
		expect(decryptSecret(stored, KEY)).toBe('JBSWY3DPEHPK3PXP');
		expect(() => decryptSecret(stored, Buffer.alloc(32, 4))).toThrow();
	});
});

describe.each(backends)('staff security on $name', (backend) => {
	const database = useSeededDatabase(backend);
	let n = 0;
	const account = async (role: 'sekretariat' | 'konsulent' | 'admin' = 'sekretariat', mustChangePassword = false) =>
		(await createStaff(database().db, { email: `sikker-${++n}@klapjob.example`, name: 'Sikker Person', role, consultantId: role === 'konsulent' ? 'c01' : null, mustChangePassword })).staff;

	test('TOTP: enrolment needs a right code; a code works once; one step either side counts; recovery codes work once', async () => {
		const db = database().db;
		const staff = await account();
		const secret = await startEnrolment(db, KEY, staff.id);
		expect(await startEnrolment(db, KEY, staff.id)).toBe(secret);
		const stored = await db.selectFrom('staff').select(['totp_pending', 'totp_secret']).where('id', '=', staff.id).executeTakeFirstOrThrow();
		expect(stored.totp_pending).not.toContain(secret);
		expect(stored.totp_secret).toBeNull();

		const t0 = new Date('2026-12-03T08:00:10.000Z');
		expect(await confirmEnrolment(db, KEY, staff.id, '000000', t0)).toBeNull();
		expect(await twoFactorEnrolled(db, staff.id)).toBe(false);
		const codes = (await confirmEnrolment(db, KEY, staff.id, codeAt(secret, t0), t0))!;
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		expect(await twoFactorEnrolled(db, staff.id)).toBe(true);
		// Only hashes are stored.
		const hashes = (await db.selectFrom('staff_recovery_codes').select('code_hash').where('staff_id', '=', staff.id).execute()).map((row) => row.code_hash);
		expect(hashes).toHaveLength(10);
		for (const code of codes) expect(hashes).not.toContain(code);

		// The code that confirmed enrolment cannot sign in: its step is used.
		expect(await checkSecondStep(db, KEY, staff.id, codeAt(secret, t0), t0)).toBeNull();
		const t1 = new Date(t0.getTime() + 30_000);
		expect(await checkSecondStep(db, KEY, staff.id, codeAt(secret, t1), t1)).toBe('code');
		// Replayed within its window: refused.
		expect(await checkSecondStep(db, KEY, staff.id, codeAt(secret, t1), new Date(t1.getTime() + 5_000))).toBeNull();
		// The next step's code a step early (a phone's clock ahead) counts; two steps off does not.
		const t2 = new Date(t1.getTime() + 30_000);
		expect(await checkSecondStep(db, KEY, staff.id, codeAt(secret, new Date(t2.getTime() + 30_000)), t2)).toBe('code');
		const t5 = new Date(t2.getTime() + 90_000);
		expect(await checkSecondStep(db, KEY, staff.id, codeAt(secret, new Date(t5.getTime() + 60_000)), t5)).toBeNull();
		expect(await checkSecondStep(db, KEY, staff.id, '123456', t5)).toBeNull();

		// A recovery code works once, typed in any case and with or without its dash.
		expect(await checkSecondStep(db, KEY, staff.id, codes[0]!.toUpperCase().replace('-', ''), t5)).toBe('recovery-code');
		expect(await checkSecondStep(db, KEY, staff.id, codes[0]!, t5)).toBeNull();
		expect(await checkSecondStep(db, KEY, staff.id, codes[1]!, t5)).toBe('recovery-code');
		expect(await checkSecondStep(db, KEY, staff.id, 'abcde-fghjk', t5)).toBeNull();
		// Another account's recovery code is no use here.
		const other = await account();
		expect(await checkSecondStep(db, KEY, other.id, codes[2]!, t5)).toBeNull();

		// An admin's reset: two-factor is off, the codes are gone, and a new secret is made at enrolment.
		await resetTwoFactor(db, staff.id);
		expect(await twoFactorEnrolled(db, staff.id)).toBe(false);
		expect(await checkSecondStep(db, KEY, staff.id, codes[2]!, t5)).toBeNull();
		expect(await startEnrolment(db, KEY, staff.id)).not.toBe(secret);
	});

	test('the second step is limited: 5 wrong codes per account', async () => {
		const db = database().db;
		const staff = await account();
		const now = new Date();
		for (let i = 0; i < 5; i++) {
			expect(await secondStepLimited(db, staff.id, '10.0.0.9', undefined, now)).toBeNull();
			await recordSecondStepFailure(db, staff.id, '10.0.0.9', undefined, now);
		}
		expect(await secondStepLimited(db, staff.id, '10.0.0.10', undefined, now)).toBeGreaterThan(0);
		expect(await secondStepLimited(db, staff.id, '10.0.0.9', undefined, new Date(now.getTime() + 16 * 60_000))).toBeNull();
	});

	test('a session unused for 30 minutes ends; use keeps it alive, with at most one write a minute', async () => {
		const db = database().db;
		const staff = await account('konsulent');
		const start = new Date('2026-12-03T08:00:00.000Z');
		const { token } = await createSession(db, staff.id, start);
		const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
		const seen = async () => (await db.selectFrom('staff_sessions').select('last_seen_at').where('staff_id', '=', staff.id).executeTakeFirstOrThrow()).last_seen_at;
		expect(await sessionForToken(db, token, at(0.5))).toMatchObject({ kind: 'live', gate: null });
		expect(await seen()).toBe(start.toISOString());
		expect((await sessionForToken(db, token, at(29))).kind).toBe('live');
		expect(await seen()).toBe(at(29).toISOString());
		expect((await sessionForToken(db, token, at(58))).kind).toBe('live');
		expect(await sessionForToken(db, token, at(58 + IDLE_MINUTES))).toEqual({ kind: 'idle' });
		// Ended for good.
		expect(await sessionForToken(db, token, at(58 + IDLE_MINUTES))).toEqual({ kind: 'none' });
	});

	test('must-change gate: a new account changes its one-time password first, then a required role enrols', async () => {
		const db = database().db;
		const { staff, password } = await createStaff(db, { email: `ny-${++n}@klapjob.example`, name: 'Ny Person', role: 'admin' });
		const { token } = await createSession(db, staff.id);
		expect(await sessionForToken(db, token)).toMatchObject({ kind: 'live', gate: 'password' });

		const change = (current: string, next: string, repeat = next) => changeOwnPassword(db, staff, { current, next, repeat });
		expect(await change('wrong', 'kort')).toEqual({ ok: false, errors: { current: 'staff.security.passwordWrong', next: 'staff.security.passwordTooShort' } });
		expect(await change(password, 'password123456')).toEqual({ ok: false, errors: { next: 'staff.security.passwordWeak' } });
		expect(await change(password, 'blæksprutte-cykel-tagrende-44', 'blæksprutte-cykel-tagrende-45')).toEqual({ ok: false, errors: { repeat: 'staff.security.passwordMismatch' } });
		expect(await sessionForToken(db, token)).toMatchObject({ gate: 'password' });
		expect(await change(password, 'blæksprutte-cykel-tagrende-44')).toEqual({ ok: true });
		// An admin must use two-factor: enrolment is next.
		expect(await sessionForToken(db, token)).toMatchObject({ kind: 'live', gate: 'two-factor' });
		const secret = await startEnrolment(db, KEY, staff.id);
		await confirmEnrolment(db, KEY, staff.id, codeAt(secret, new Date()));
		expect(await sessionForToken(db, token)).toMatchObject({ kind: 'live', gate: null });

		// A konsulent may go without two-factor; a demo-like account skips the change.
		const konsulent = await account('konsulent');
		expect(await sessionForToken(db, (await createSession(db, konsulent.id)).token)).toMatchObject({ gate: null });
	});
});

describe('npm run staff -- reset-two-factor', () => {
	test('a locked-out admin gets two-factor reset from the command line, on record', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klapjob-cli-2fa-'));
		const file = path.join(dir, 'cli.db');
		const run = promisify(execFile);
		const env = { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: 'production' };
		await run('npx', ['tsx', '--tsconfig', 'tsconfig.json', 'src/cli/staff.ts', 'add', '--email', 'laast@klapjob.example', '--role', 'admin'], { env });
		const { db } = openDatabase({ dialect: 'sqlite', path: file });
		try {
			const { id } = await db.selectFrom('staff').select('id').where('email', '=', 'laast@klapjob.example').executeTakeFirstOrThrow();
			const secret = await startEnrolment(db, KEY, id);
			await confirmEnrolment(db, KEY, id, codeAt(secret, new Date()));
			expect(await twoFactorEnrolled(db, id)).toBe(true);
			const reset = await run('npx', ['tsx', '--tsconfig', 'tsconfig.json', 'src/cli/staff.ts', 'reset-two-factor', '--email', 'Laast@klapjob.example'], { env });
			expect(reset.stdout).toContain('Two-factor is off for laast@klapjob.example');
			expect(await twoFactorEnrolled(db, id)).toBe(false);
			expect(await db.selectFrom('staff_recovery_codes').select('code_hash').where('staff_id', '=', id).execute()).toEqual([]);
			expect(await db.selectFrom('audit_log').select('detail').where('action', '=', 'reset-two-factor-cli').execute()).toEqual([{ detail: id }]);
			const unknown = run('npx', ['tsx', '--tsconfig', 'tsconfig.json', 'src/cli/staff.ts', 'reset-two-factor', '--email', 'findes-ikke@klapjob.example'], { env });
			await expect(unknown).rejects.toMatchObject({ code: 2 });
		} finally {
			await db.destroy();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});
