import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { loadSecretKey } from '../../src/lib/server/auth/secret-key';
import { encryptSecret } from '../../src/lib/server/auth/two-factor';
import { STAFF_PASSWORD, STAFF_TOTP_SECRET, totpCode } from './staff-codes';

export { STAFF_PASSWORD, STAFF_TOTP_SECRET, signInByFetch, totpCode } from './staff-codes';

/**
 * A staff account made straight in the app's SQLite file, as `npm run staff -- add` would, but
 * with its own password already chosen and, for the roles that must use it, two-factor already
 * on with STAFF_TOTP_SECRET (encrypted with the app's key, the file next to the database). Its e-mail.
 */
export async function makeStaffAccount(databaseFile: string, role: 'sekretariat' | 'konsulent' | 'admin', consultantId: string | null = null): Promise<string> {
	const email = `${role}-${randomUUID().slice(0, 8)}@klapjob.example`;
	const secret = role === 'konsulent' ? null : encryptSecret(STAFF_TOTP_SECRET, loadSecretKey(process.env, { dialect: 'sqlite', path: databaseFile }));
	const database = new Database(databaseFile);
	try {
		database
			.prepare('insert into staff (id, email, name, role, consultant_id, password_hash, disabled, created_at, must_change_password, totp_secret) values (?, ?, ?, ?, ?, ?, 0, ?, 0, ?)')
			.run(randomUUID(), email, `Test ${role}`, role, consultantId, await hashPassword(STAFF_PASSWORD), new Date().toISOString(), secret);
	} finally {
		database.close();
	}
	return email;
}

/** Signs in on the page: password, then (when asked) a code computed here. `base` is the app's URL when not the default. */
export async function signIn(page: Page, email: string, options: { base?: string; password?: string; secret?: string } = {}) {
	await page.goto(`${options.base ?? ''}/personale/log-ind`);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Adgangskode').fill(options.password ?? STAFF_PASSWORD);
	await page.getByRole('button', { name: 'Log ind' }).click();
	await page.waitForURL((url) => url.pathname !== '/personale/log-ind');
	if (new URL(page.url()).pathname === '/personale/log-ind/kode') {
		await page.getByLabel('Kode fra appen').fill(await totpCode(email, options.secret));
		await page.getByRole('button', { name: 'Log ind' }).click();
	}
	await expect(page.getByText(/Logget ind som/)).toBeVisible();
}

/** On /personale/adgangskode: the current password, then the new one twice. */
export async function changePassword(page: Page, current: string, next: string) {
	await page.getByLabel('Nuværende adgangskode').fill(current);
	await page.getByLabel('Ny adgangskode', { exact: true }).fill(next);
	await page.getByLabel('Skriv den nye adgangskode igen').fill(next);
	await page.getByRole('button', { name: 'Gem ny adgangskode' }).click();
}

/** On /personale/to-trin: reads the secret from the page as a person would type it into an app, confirms with a code; the secret and the recovery codes. */
export async function enrolTwoFactor(page: Page, email: string): Promise<{ secret: string; codes: string[] }> {
	const secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '');
	await page.getByLabel('Skriv de 6 tal, som appen viser.').fill(await totpCode(email, secret));
	await page.getByRole('button', { name: 'Slå to-trins-login til' }).click();
	await expect(page.getByRole('heading', { name: 'Dine reservekoder' })).toBeVisible();
	const codes = await page.getByRole('list', { name: 'Dine reservekoder' }).getByRole('listitem').allInnerTexts();
	return { secret, codes: codes.map((code) => code.trim()) };
}
