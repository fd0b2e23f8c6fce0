import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';
import { STAFF_PASSWORD, changePassword, enrolTwoFactor, makeStaffAccount, signIn, totpCode } from './staff-account';

// Each staff sign-in is a deliberately slow password check (scrypt), and a test makes several:
// on a busy 2-core machine that alone can take more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

/** First sign-in, two-factor, recovery codes and the idle timeout, on the app's real database. */
test.setTimeout(90_000);

function run(sql: string, ...params: unknown[]) {
	const database = new Database(process.env.E2E_DATABASE_FILE!);
	try {
		return database.prepare(sql).run(...params);
	} finally {
		database.close();
	}
}

function all<T>(sql: string, ...params: unknown[]): T[] {
	const database = new Database(process.env.E2E_DATABASE_FILE!);
	try {
		return database.prepare(sql).all(...params) as T[];
	} finally {
		database.close();
	}
}

const idOf = (email: string) => all<{ id: string }>('select id from staff where email = ?', email)[0]!.id;

async function passwordStep(page: Page, email: string, password = STAFF_PASSWORD) {
	await page.goto('/personale/log-ind');
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Adgangskode').fill(password);
	await page.getByRole('button', { name: 'Log ind' }).click();
}

async function codeStep(page: Page, code: string) {
	await expect(page.getByRole('heading', { name: 'Skriv din kode' })).toBeVisible();
	await page.getByLabel('Kode fra appen').fill(code);
	await page.getByRole('button', { name: 'Log ind' }).click();
}

async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Log ud' }).click();
	await expect(page.getByRole('heading', { name: 'Log ind' })).toBeVisible();
}

test('a new account replaces its one-time password before anything else, with clear messages per field', async ({ page }) => {
	const email = await makeStaffAccount(process.env.E2E_DATABASE_FILE!, 'konsulent', 'c01');
	run('update staff set must_change_password = 1 where email = ?', email);
	await passwordStep(page, email);
	await expect(page).toHaveURL(/\/personale\/adgangskode$/);
	await expect(page.getByRole('heading', { name: 'Skift adgangskode' })).toBeVisible();
	await expect(page.getByText('Vælg din egen adgangskode, før du går videre.')).toBeVisible();
	await expectNoAxeViolations(page);

	// Every other staff page and the staff API wait until the password is changed.
	for (const path of ['/personale', '/personale/opslag', '/personale/to-trin']) {
		const response = await page.request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers()['location'], path).toBe('/personale/adgangskode');
	}
	expect((await page.request.get('/api/staff/applications')).status()).toBe(403);

	await changePassword(page, 'forkert-adgangskode', 'password123456');
	await expect(page.getByText('Den nuværende adgangskode passer ikke.')).toBeVisible();
	await expect(page.getByText('Den nye adgangskode er let at gætte. Vælg en anden.')).toBeVisible();
	await expect(page.getByLabel('Ny adgangskode', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);
	await changePassword(page, STAFF_PASSWORD, 'kort');
	await expect(page.getByText('Den nye adgangskode skal have mindst 12 tegn.')).toBeVisible();
	await page.getByLabel('Nuværende adgangskode').fill(STAFF_PASSWORD);
	await page.getByLabel('Ny adgangskode', { exact: true }).fill('blæksprutte-cykel-tagrende-44');
	await page.getByLabel('Skriv den nye adgangskode igen').fill('blæksprutte-cykel-tagrende-45');
	await page.getByRole('button', { name: 'Gem ny adgangskode' }).click();
	await expect(page.getByText('De to nye adgangskoder er ikke ens.')).toBeVisible();

	await changePassword(page, STAFF_PASSWORD, 'blæksprutte-cykel-tagrende-44');
	await expect(page.getByRole('heading', { name: 'Ansøgninger' })).toBeVisible();
	expect(all('select action from audit_log where staff_id = ? and action = ?', idOf(email), 'password-change')).toHaveLength(1);
	// The new password is the one that works from now on.
	await signOut(page);
	await passwordStep(page, email, 'blæksprutte-cykel-tagrende-44');
	await expect(page.getByRole('heading', { name: 'Ansøgninger' })).toBeVisible();
});

test('the secretariat enrols in two-factor, then signs in with a code; a code and a recovery code work once', async ({ page }) => {
	const email = await makeStaffAccount(process.env.E2E_DATABASE_FILE!, 'sekretariat');
	run('update staff set totp_secret = null where email = ?', email);
	await passwordStep(page, email);
	// Required for the secretariat: enrolment comes before any other page.
	await expect(page).toHaveURL(/\/personale\/to-trin$/);
	expect((await page.request.get('/personale', { maxRedirects: 0 })).headers()['location']).toBe('/personale/to-trin');
	await expect(page.getByRole('img', { name: 'QR-kode til appen' })).toBeVisible();
	await expectNoAxeViolations(page);
	// On a phone the QR code and the key fit the screen.
	await page.setViewportSize({ width: 320, height: 700 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.getByLabel('Skriv de 6 tal, som appen viser.').fill('000000');
	await page.getByRole('button', { name: 'Slå to-trins-login til' }).click();
	await expect(page.getByRole('alert')).toHaveText('Koden passer ikke. Prøv med den nye kode i appen.');
	const { secret, codes } = await enrolTwoFactor(page, email);
	expect(codes).toHaveLength(10);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Fortsæt' }).click();
	await expect(page.getByRole('heading', { name: 'Ansøgninger' })).toBeVisible();
	// Only hashes of the recovery codes are stored, and the secret only encrypted.
	const stored = JSON.stringify(all('select * from staff_recovery_codes join staff on staff.id = staff_id where email = ?', email));
	for (const code of codes) expect(stored).not.toContain(code);
	expect(stored).not.toContain(secret);

	// Sign-in now asks for a code after the password; no session before it.
	await signOut(page);
	await passwordStep(page, email);
	expect((await page.context().cookies()).some((cookie) => cookie.name === 'staff_session')).toBe(false);
	await expect(page.getByRole('heading', { name: 'Skriv din kode' })).toBeVisible();
	await expectNoAxeViolations(page);
	await codeStep(page, '123456');
	await expect(page.getByRole('alert')).toHaveText('Koden passer ikke. Prøv igen med den nye kode i appen.');
	await expectNoAxeViolations(page);
	const code = await totpCode(email, secret);
	await codeStep(page, code);
	await expect(page.getByText(/Logget ind som/)).toBeVisible();

	// The same code again, within its window: refused.
	await signOut(page);
	await passwordStep(page, email);
	await codeStep(page, code);
	await expect(page.getByRole('alert')).toHaveText('Koden passer ikke. Prøv igen med den nye kode i appen.');

	// A recovery code works once.
	await codeStep(page, codes[0]!);
	await expect(page.getByText(/Logget ind som/)).toBeVisible();
	await signOut(page);
	await passwordStep(page, email);
	await codeStep(page, codes[0]!);
	await expect(page.getByRole('alert')).toHaveText('Koden passer ikke. Prøv igen med den nye kode i appen.');
	await codeStep(page, codes[1]!);
	await expect(page.getByText(/Logget ind som/)).toBeVisible();

	// Second-step failures are on record with the account and the address, never the code.
	const failures = all<{ detail: string }>("select detail from audit_log where staff_id = ? and action = 'sign-in-code-failed'", idOf(email));
	expect(failures).toHaveLength(3);
	for (const { detail } of failures) {
		expect(detail).toMatch(/^address /);
		expect(detail).not.toContain(codes[0]!);
		expect(detail).not.toContain(code);
	}
});

test('a failed sign-in is on record with the account and address; an unused session ends after 30 minutes', async ({ page }) => {
	const email = await makeStaffAccount(process.env.E2E_DATABASE_FILE!, 'konsulent', 'c01');
	await passwordStep(page, email, 'forkert-gæt-1234');
	await expect(page.getByRole('alert')).toHaveText('E-mail eller adgangskode passer ikke.');
	const failed = all<{ detail: string }>("select detail from audit_log where staff_id = ? and action = 'sign-in-failed'", idOf(email));
	expect(failed).toHaveLength(1);
	expect(failed[0]!.detail).toMatch(/^address /);
	expect(failed[0]!.detail).not.toContain('forkert');

	await signIn(page, email);
	await page.goto('/personale/opslag');
	run("update staff_sessions set last_seen_at = ? where staff_id = ?", new Date(Date.now() - 31 * 60_000).toISOString(), idOf(email));
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Log ind' })).toBeVisible();
	await expect(page.getByText('Du blev logget ud, fordi du ikke brugte siden i 30 minutter.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('an admin resets a colleague\'s two-factor and password on Konti: the colleague sets both up again', async ({ page, browser }) => {
	const colleague = await makeStaffAccount(process.env.E2E_DATABASE_FILE!, 'sekretariat');
	await signIn(page, await makeStaffAccount(process.env.E2E_DATABASE_FILE!, 'admin'));
	await page.goto('/personale/konti');
	await page.getByRole('button', { name: `Nulstil to-trins-login: ${colleague}` }).click();
	await expect(page.getByRole('status')).toHaveText(`To-trins-login er nulstillet for ${colleague}. Personen skal slå det til igen.`);
	await page.getByRole('button', { name: `Ny engangs-adgangskode: ${colleague}` }).click();
	await expect(page.getByRole('status')).toContainText(`${colleague} har fået en ny engangs-adgangskode: `);
	const shown = (await page.getByRole('status').textContent())!;
	const password = shown.split('engangs-adgangskode: ')[1]!.trim();
	await expectNoAxeViolations(page);
	expect(all('select action from audit_log where detail = ? order by at', idOf(colleague)).map((row) => (row as { action: string }).action)).toEqual(['reset-two-factor', 'reset-password']);

	const other = await browser.newContext();
	const them = await other.newPage();
	await passwordStep(them, colleague, password);
	await expect(them.getByRole('heading', { name: 'Skift adgangskode' })).toBeVisible();
	await changePassword(them, password, 'blæksprutte-cykel-tagrende-44');
	await expect(them.getByRole('heading', { name: 'To-trins-login' })).toBeVisible();
	await enrolTwoFactor(them, colleague);
	await them.getByRole('link', { name: 'Fortsæt' }).click();
	await expect(them.getByRole('heading', { name: 'Ansøgninger' })).toBeVisible();
	await other.close();
});
