import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AppServer } from './app-server';
import { expectNoAxeViolations } from './helpers';
import { signIn } from './staff-account';

/**
 * The staff queue on years of work: its own app on a database filled before it starts
 * (migrated, seeded, the demo accounts, 20,000 applications).
 */
const WAITING = `status IN ('received', 'more-info', 'screened')`;
const server = new AppServer(4750);
// Signed in once: sign-in allows 5 tries per account each 15 minutes.
const signedIn = path.join(os.tmpdir(), `klapjob-staff-queue-${process.pid}.json`);

test.describe.configure({ mode: 'serial', timeout: 90_000 });
test.setTimeout(90_000);
test.use({ storageState: signedIn });

test.beforeAll(async ({ browser }) => {
	test.setTimeout(180_000);
	const printed = execFileSync('npx', ['tsx', '--tsconfig', 'tsconfig.json', 'tests/synthetic-database.ts', server.databaseFile, '20000'], {
		cwd: path.resolve(import.meta.dirname, '../..'),
		encoding: 'utf8'
	});
	// The demo account's password and authenticator key, as printed at the first start.
	const [, password, secret] = /sekretariat@klapjob\.example\s+(\S+)\s+authenticator key: (\S+)/.exec(printed)!;
	await server.start();
	const context = await browser.newContext({ storageState: undefined });
	const page = await context.newPage();
	await signIn(page, 'sekretariat@klapjob.example', { base: server.url, password, secret });
	await context.storageState({ path: signedIn });
	await context.close();
});

test.afterAll(async () => server.stop());

const count = (where: string, ...params: unknown[]) => server.query<{ n: number }>(`SELECT count(*) AS n FROM applications WHERE ${where}`, ...params)[0]!.n;
const danish = (n: number) => n.toLocaleString('da-DK');

const rows = (page: Page) => page.locator('table tbody tr');
const firstReference = (page: Page) => rows(page).first().locator('td').first().innerText();

async function search(page: Page, term: string) {
	await page.getByLabel('Søg efter nummer, telefon eller navn').fill(term);
	await page.getByRole('button', { name: 'Søg', exact: true }).click();
	await page.waitForURL(/soeg=/);
}

test('the queue shows who waited longest first, counts them all, pages to the end, and fits 12 rows on a screen', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`${server.url}/personale`);
	const waiting = count(WAITING);
	const pages = Math.ceil(waiting / 50);
	await expect(page.getByRole('status').filter({ hasText: ' af ' })).toHaveText(`1–50 af ${danish(waiting)}`);
	await expect(page.getByText(`Side 1 af ${danish(pages)}`)).toBeVisible();
	await expect(rows(page)).toHaveCount(50);
	const oldest = server.query<{ reference: string }>(`SELECT reference FROM applications WHERE ${WAITING} ORDER BY received_at, id LIMIT 1`)[0]!.reference;
	expect(await firstReference(page)).toBe(oldest);
	await page.screenshot({ path: 'test-results/staff-queue-desktop.png' });

	// At least 12 rows on a 1280×800 screen below the header and the filters.
	await page.locator('table').evaluate((table) => table.scrollIntoView({ block: 'start' }));
	const visible = await rows(page).evaluateAll((trs) => trs.filter((tr) => tr.getBoundingClientRect().bottom <= window.innerHeight).length);
	expect(visible).toBeGreaterThanOrEqual(12);
	const rowHeight = await rows(page).first().evaluate((tr) => tr.getBoundingClientRect().height);
	console.log(`queue: ${visible} rows visible below the table's header, each ${rowHeight} px high`);
	await page.evaluate(() => window.scrollTo(0, 0));
	await expectNoAxeViolations(page);

	// Next and previous keep the filters; the last page holds the newest who wait.
	await page.getByRole('link', { name: 'Næste' }).click();
	await expect(page.getByText(`Side 2 af ${danish(pages)}`)).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: ' af ' })).toHaveText(`51–100 af ${danish(waiting)}`);
	await page.goto(`${server.url}/personale?side=${pages}`);
	await expect(page.getByText(`Side ${danish(pages)} af ${danish(pages)}`)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Næste' })).toHaveCount(0);
	await expect(rows(page)).toHaveCount(waiting - (pages - 1) * 50);
	const newest = server.query<{ reference: string }>(`SELECT reference FROM applications WHERE ${WAITING} ORDER BY received_at DESC, id DESC LIMIT 1`)[0]!.reference;
	await expect(rows(page).last().locator('td').first()).toHaveText(newest);
	await page.getByRole('link', { name: 'Forrige' }).click();
	await expect(page.getByText(`Side ${danish(pages - 1)} af ${danish(pages)}`)).toBeVisible();

	// The sort switch: newest first puts the newest on top, and the oldest on the last page.
	await page.getByRole('link', { name: 'Nyeste først' }).click();
	await expect(page.getByRole('link', { name: 'Nyeste først' })).toHaveAttribute('aria-current', 'true');
	expect(await firstReference(page)).toBe(newest);
	await page.goto(`${server.url}/personale?sortering=oldest&status=hired`);
	await expect(page.getByRole('status').filter({ hasText: ' af ' })).toHaveText(`1–50 af ${danish(count(`status = 'hired'`))}`);
});

test('one search box finds by reference, by the start of a name, and by a phone typed with spaces and +45, and the log keeps no term', async ({ page }) => {
	await page.goto(`${server.url}/personale`);
	const target = server.query<{ id: string; reference: string; name_key: string; person_key: string; answers: string }>(
		`SELECT id, reference, name_key, person_key, answers FROM applications WHERE person_key LIKE 'tel:%' AND status = 'hired' LIMIT 1`
	)[0]!;

	await search(page, target.reference.toLowerCase());
	await expect(page.getByRole('status').filter({ hasText: ' af ' })).toHaveText('1–1 af 1');
	await expect(page.getByRole('link', { name: `Åbn ${target.reference}` })).toBeVisible();

	const name = (JSON.parse(target.answers) as { name: string }).name;
	const typed = name.slice(0, name.indexOf(' ') + 2).toLowerCase();
	await search(page, typed);
	const named = count('substr(name_key, 1, ?) = ?', typed.length, typed);
	await expect(page.getByRole('status').filter({ hasText: ' af ' })).toHaveText(`1–${Math.min(50, named)} af ${danish(named)}`);
	for (const cell of await rows(page).locator('td:nth-child(2)').allInnerTexts()) expect(cell.toLowerCase().startsWith(typed)).toBe(true);

	const digits = target.person_key.slice(4);
	await search(page, `+45 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6)}`);
	await expect(page.getByRole('link', { name: `Åbn ${target.reference}` })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: ' af ' })).toContainText(` af ${count('person_key = ?', target.person_key)}`);
	await expectNoAxeViolations(page);

	const log = JSON.stringify(server.query('SELECT action, detail FROM audit_log'));
	expect(log).toContain('search: reference, 1 found');
	expect(log).toContain('search: phone,');
	for (const term of [target.reference, typed, digits]) expect(log.toLowerCase()).not.toContain(term.toLowerCase());
});

test('a person who applied before is marked in the queue, and the case page lists their other applications and where they are', async ({ page }) => {
	const person = server.query<{ person_key: string; n: number }>(
		`SELECT person_key, count(*) AS n FROM applications WHERE person_key LIKE 'tel:%' GROUP BY person_key HAVING count(*) >= 3 ORDER BY count(*) DESC, person_key LIMIT 1`
	)[0]!;
	const theirs = server.query<{ id: string; reference: string }>(`SELECT id, reference FROM applications WHERE person_key = ? ORDER BY received_at DESC`, person.person_key);
	await page.goto(`${server.url}/personale`);
	await search(page, person.person_key.slice(4));
	await expect(rows(page)).toHaveCount(person.n);
	await expect(rows(page).first().getByText(`Har søgt før: ${person.n} ansøgninger i alt`)).toBeAttached();
	await expect(rows(page).first().locator('.repeat')).toBeVisible();

	await page.getByRole('link', { name: `Åbn ${theirs[0]!.reference}` }).click();
	const section = page.getByRole('region', { name: 'Samme person' });
	await expect(section.getByText(/^Personen .* \(via [A-Z]+-\d{3}\)$/)).toBeVisible();
	for (const other of theirs.slice(1)) await expect(section.getByRole('link', { name: `Åbn ${other.reference}` })).toBeVisible();
	await expect(section.getByRole('link')).toHaveCount(theirs.length - 1);
	await expectNoAxeViolations(page);
	await page.screenshot({ path: 'test-results/staff-queue-case-desktop.png', fullPage: false });
});

test('on a phone the queue is a list of cards, with no sideways scroll', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`${server.url}/personale`);
	await expect(page.locator('table')).toBeHidden();
	const cards = page.locator('ul.cards > li');
	await expect(cards).toHaveCount(50);
	await expect(cards.first().getByRole('link')).toBeVisible();
	const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(sideways).toBeLessThanOrEqual(0);
	await expectNoAxeViolations(page);
	await page.screenshot({ path: 'test-results/staff-queue-phone.png' });
	await cards.first().evaluate((card) => card.scrollIntoView({ block: 'start' }));
	await page.screenshot({ path: 'test-results/staff-queue-phone-cards.png' });
});

test('with the largest text at 360 px every staff page fits the screen: no sideways scroll (wide tables scroll in their own box)', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 780 });
	await page.addInitScript(() => localStorage.setItem('klapjob-display', JSON.stringify({ textSize: 'larger' })));
	const caseId = server.query<{ id: string }>(`SELECT id FROM applications WHERE ${WAITING} LIMIT 1`)[0]!.id;
	for (const where of ['/personale', '/personale/tal', '/personale/opfoelgning', '/personale/opslag', `/personale/ansoegning/${caseId}`, '/personale/adgangskode', '/personale/to-trin']) {
		await page.goto(`${server.url}${where}`);
		await expect(page.locator('html')).toHaveAttribute('data-text-size', 'larger');
		const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(sideways, `${where} is ${sideways} px wider than the screen`).toBeLessThanOrEqual(0);
	}
});

test('the API pages, filters and searches with the same query, and refuses bad values with 400', async ({ page }) => {
	const api = (query: string) => page.request.get(`${server.url}/api/staff/applications${query}`);
	const first = (await (await api('')).json()) as { applications: { id: string }[]; total: number; page: number; pageSize: number };
	expect(first).toMatchObject({ total: count(WAITING), page: 1, pageSize: 50 });
	expect(first.applications).toHaveLength(50);
	const big = (await (await api('?status=all&size=200&page=3')).json()) as { applications: unknown[]; total: number; page: number; pageSize: number };
	expect(big).toMatchObject({ total: 20_000, page: 3, pageSize: 200 });
	expect(big.applications).toHaveLength(200);
	for (const bad of ['?page=-1', '?size=100000', '?sort=evil', '?status=evil', '?municipality=999', '?page=abc', '?nope=1']) {
		const response = await api(bad);
		expect(response.status(), bad).toBe(400);
		const body = (await response.json()) as { fields: Record<string, string> };
		expect(Object.keys(body.fields), bad).toEqual([bad.slice(1).split('=')[0]]);
	}
	const english = await page.request.get(`${server.url}/api/staff/applications?size=0`, { headers: { 'accept-language': 'en' } });
	expect(((await english.json()) as { fields: Record<string, string> }).fields.size).toBe('The size must be a whole number from 1 to 200.');
	// The page refuses a bad query with a message, not a crash.
	const refused = await page.goto(`${server.url}/personale?side=-1`);
	expect(refused!.status()).toBe(400);
	await expect(page.getByRole('heading', { name: 'Siden skal være et helt tal fra 1.' })).toBeVisible();
});
