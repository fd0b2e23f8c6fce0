import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { AppServer } from './app-server';
import { applicationBody } from './application-body';
import { makeStaffAccount, signIn as signInAs } from './staff-account';
import { expectNoAxeViolations, indexedDbText } from './helpers';

// Each staff sign-in is a deliberately slow password check (scrypt), and a test makes several:
// on a busy 2-core machine that alone can take more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

/**
 * The person's right to withdraw: from the phone, without a connection too, through the
 * same outbox as the application, exactly once; and staff's erasure on request.
 */

const PERSON = { name: 'Trine Tilbagesen', phone: '27 18 36 45' };

/** An application put in the phone's outbox, as the form's Send does: the sync engine sends it. */
async function sendFromPhone(page: Page): Promise<string> {
	const id = randomUUID();
	const application = applicationBody({ id, name: PERSON.name, phone: PERSON.phone.replace(/ /g, ''), contactMethod: 'sms' });
	await page.evaluate(
		(item) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('klapjob');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('outbox', 'readwrite');
					tx.objectStore('outbox').put(item);
					tx.oncomplete = () => (open.result.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ id, application, postingTitle: 'Pak brød i bageren', state: 'waiting', attempts: 0, nextAttemptAt: 0, queuedAt: Date.now(), label: null, handedOver: false }
	);
	return id;
}

async function signIn(page: Page, email: string, base = '') {
	await signInAs(page, email, { base });
}

test('withdrawn offline: it arrives once when the server is back, the status page says so, and staff no longer see it', async ({ page, context }, testInfo) => {
	test.setTimeout(120_000);
	const server = new AppServer(4050 + testInfo.parallelIndex);
	await server.start();
	try {
		await page.goto(`${server.url}/mine`);
		await expect(page.getByText('Der er ingen ansøgninger på denne telefon.')).toBeVisible();
		const id = await sendFromPhone(page);
		await page.reload();
		await expect(page.locator('[data-state="sent"]')).toBeVisible({ timeout: 15_000 });
		expect(server.query('select id from applications where id = ?', id)).toHaveLength(1);
		const { status_token: token, reference } = server.query<{ status_token: string; reference: string }>('select status_token, reference from applications where id = ?', id)[0]!;
		// Nothing personal on the phone once it is sent.
		await expect.poll(async () => (await indexedDbText(page)).includes(PERSON.name.split(' ')[1]!)).toBe(false);

		// The confirmation in three languages, with axe.
		for (const [lang, yes, no] of [
			['da', 'Ja, træk den tilbage', 'Nej, behold den'],
			['en', 'Yes, withdraw it', 'No, keep it'],
			['ar', 'نعم، اسحبه', 'لا، احتفظ به']
		] as const) {
			await context.addCookies([{ name: 'lang', value: lang, url: server.url }]);
			await page.goto(`${server.url}/mine`);
			await page.locator(`#withdraw-${id}`).click();
			await expect(page.getByRole('alertdialog')).toBeVisible();
			await expect(page.getByRole('button', { name: yes })).toBeVisible();
			await expectNoAxeViolations(page);
			await page.getByRole('button', { name: no }).click();
			await expect(page.locator(`#withdraw-${id}`)).toBeFocused();
		}
		await context.addCookies([{ name: 'lang', value: 'da', url: server.url }]);
		await page.goto(`${server.url}/mine`);
		await expect(page.getByRole('button', { name: 'Træk ansøgningen tilbage: Pak brød i bageren' })).toBeVisible();

		// The connection goes for real: the server stops.
		await server.stop();
		await context.setOffline(true);
		await page.getByRole('button', { name: 'Træk ansøgningen tilbage: Pak brød i bageren' }).click();
		await expect(page.getByText('Vil du trække ansøgningen tilbage? Så sletter vi dit navn og dine svar.')).toBeVisible();
		await page.getByRole('button', { name: 'Ja, træk den tilbage' }).click();
		await expect(page.getByText('Den trækkes tilbage, når der er internet.')).toBeVisible();
		expect(await indexedDbText(page)).toContain(token);

		// Back: the withdrawal arrives exactly once.
		await server.start();
		await context.setOffline(false);
		await expect.poll(() => server.query('select id from withdrawals').length, { timeout: 15_000 }).toBe(1);
		await expect(page.getByText('Trukket tilbage', { exact: true })).toBeVisible({ timeout: 10_000 });
		expect(server.query('select id from applications where id = ?', id)).toEqual([]);
		expect(server.query("select action from audit_log where action = 'withdraw'")).toHaveLength(1);
		expect(JSON.parse(await indexedDbText(page)).withdrawals).toEqual([]);

		await page.goto(`${server.url}/status/${token}`);
		await expect(page.getByText('Ansøgningen er trukket tilbage.')).toBeVisible();
		await expect(page.getByText('Vi har slettet dit navn, dit telefonnummer og dine svar.')).toBeVisible();
		await expectNoAxeViolations(page);

		// A repeat from the phone is answered as done and stored once.
		const withdrawalId = server.query<{ id: string }>('select id from withdrawals')[0]!.id;
		const repeat = await page.request.post(`${server.url}/api/withdrawals`, { data: { id: withdrawalId, token } });
		expect(repeat.status()).toBe(200);
		expect(server.query('select id from withdrawals')).toHaveLength(1);

		// Staff: the queue does not know it.
		await signIn(page, await makeStaffAccount(server.databaseFile, 'sekretariat'), server.url);
		await page.goto(`${server.url}/personale?soeg=${reference}`);
		await expect(page.getByText('Ingen ansøgninger passer.')).toBeVisible();
	} finally {
		await server.stop();
		await context.setOffline(false).catch(() => undefined);
	}
});

test('the API answers a withdrawal 201, 200, 404 and 400, never 500', async ({ request }) => {
	const id = randomUUID();
	const sent = await request.post('/api/applications', { headers: { 'idempotency-key': id }, data: applicationBody({ id }) });
	expect(sent.status()).toBe(201);
	const { statusToken } = (await sent.json()) as { statusToken: string };
	const withdrawal = { id: randomUUID(), token: statusToken };
	expect((await request.post('/api/withdrawals', { data: withdrawal })).status()).toBe(201);
	expect((await request.post('/api/withdrawals', { data: withdrawal })).status()).toBe(200);
	expect((await request.post('/api/withdrawals', { data: { id: randomUUID(), token: 'x'.repeat(32) } })).status()).toBe(404);
	const bad = await request.post('/api/withdrawals', { data: { id: 'nope', token: 'a b', extra: 1 } });
	expect(bad.status()).toBe(400);
	expect(((await bad.json()) as { codes: Record<string, string> }).codes).toMatchObject({ id: 'errors.withdrawalId', token: 'errors.statusToken' });
	expect((await request.post('/api/withdrawals', { data: '{not json', headers: { 'content-type': 'application/json' } })).status()).toBe(400);
	expect((await request.post('/api/withdrawals', { data: [] })).status()).toBe(400);
	const status = await request.get(`/api/status/${statusToken}`);
	expect(status.status()).toBe(200);
	expect(await status.json()).toMatchObject({ gone: 'withdrawn', status: 'withdrawn' });
});

test('the secretariat erases on request, with a confirmation; a consultant gets 403', async ({ page, browser, baseURL }) => {
	test.setTimeout(90_000);
	const id = randomUUID();
	const sent = await page.request.post('/api/applications', { headers: { 'idempotency-key': id }, data: applicationBody({ id, name: 'Erik Sletmig' }) });
	expect(sent.status()).toBe(201);
	const { reference, statusToken } = (await sent.json()) as { reference: string; statusToken: string };

	const consultant = await browser.newPage({ baseURL });
	await signIn(consultant, await makeStaffAccount(process.env.E2E_DATABASE_FILE!, 'konsulent', 'c01'));
	const refused = await consultant.request.post(`/personale/ansoegning/${id}?/erase`, {
		form: { confirm: 'ja' },
		headers: { origin: new URL(consultant.url()).origin }
	});
	expect(refused.status()).toBe(403);
	await consultant.close();

	await signIn(page, await makeStaffAccount(process.env.E2E_DATABASE_FILE!, 'sekretariat'));
	await page.goto(`/personale/ansoegning/${id}`);
	await expect(page.getByRole('heading', { name: 'Slet ansøgningen' })).toBeVisible();
	await expectNoAxeViolations(page);
	// Without the tick nothing is erased.
	await page.getByRole('button', { name: 'Slet ansøgningen' }).click();
	await expect(page.getByRole('alert')).toContainText('Sæt kryds, hvis ansøgningen skal slettes.');
	await page.getByLabel('Ja, slet alt om personen i denne ansøgning.').check();
	await page.getByRole('button', { name: 'Slet ansøgningen' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Ansøgningen er slettet.' })).toBeVisible();
	await page.goto(`/personale?soeg=${reference}`);
	await expect(page.getByText('Ingen ansøgninger passer.')).toBeVisible();
	expect((await page.goto(`/personale/ansoegning/${id}`))!.status()).toBe(404);
	const status = await page.request.get(`/api/status/${statusToken}`);
	expect(await status.json()).toMatchObject({ gone: 'erased' });
});

test('on the status page: a second step, helper wording, and then the page says the application is withdrawn', async ({ page }) => {
	const id = randomUUID();
	const sent = await page.request.post('/api/applications', { headers: { 'idempotency-key': id }, data: applicationBody({ id }) });
	const { statusToken } = (await sent.json()) as { statusToken: string };

	await page.goto(`/status/${statusToken}?hjaelper`);
	await page.getByRole('button', { name: 'Træk personens ansøgning tilbage' }).click();
	await expect(page.getByText('Vil du trække personens ansøgning tilbage? Så sletter vi personens navn og svar.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Nej, behold den' }).click();
	await expect(page.getByRole('button', { name: 'Træk personens ansøgning tilbage' })).toBeFocused();

	await page.goto(`/status/${statusToken}`);
	await page.getByRole('button', { name: 'Træk ansøgningen tilbage' }).click();
	await page.getByRole('button', { name: 'Ja, træk den tilbage' }).click();
	await expect(page.getByText('Ansøgningen er trukket tilbage.')).toBeVisible({ timeout: 15_000 });
	await expect(page.getByText('Vi har slettet dit navn, dit telefonnummer og dine svar.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Træk ansøgningen tilbage' })).toHaveCount(0);
});
