import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { applicationBody } from './application-body';
import { makeStaffAccount, signIn } from './staff-account';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './helpers';

// Each staff sign-in is a deliberately slow password check (scrypt), and a test makes several:
// on a busy 2-core machine that alone can take more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

function query<T>(sql: string, ...params: unknown[]): T {
	const database = new Database(process.env.E2E_DATABASE_FILE!);
	try {
		return database.prepare(sql).get(...params) as T;
	} finally {
		database.close();
	}
}

async function signInAs(page: Page, role: 'sekretariat' | 'konsulent', consultantId: string | null = null) {
	await signIn(page, await makeStaffAccount(process.env.E2E_DATABASE_FILE!, role, consultantId));
}

async function shot(page: Page, name: string) {
	await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test('staff page through the postings 50 at a time, search and filter in the URL, and see each posting\'s applications', async ({ page, request }) => {
	const id = randomUUID();
	const response = await request.post('/api/applications', { headers: { 'idempotency-key': id }, data: applicationBody({ id, postingId: 'p0002' }) });
	expect(response.status()).toBe(201);
	const { n: total } = query<{ n: number }>('select count(*) as n from postings');
	await signInAs(page, 'sekretariat');
	await page.goto('/personale/opslag');
	await expect(page.getByRole('status')).toHaveText(`1–50 af ${total}`);
	await expect(page.getByRole('table').getByRole('row')).toHaveCount(51);
	await expectNoAxeViolations(page);
	await shot(page, 'desktop-first-page');

	await page.getByRole('link', { name: 'Næste side' }).click();
	await expect(page).toHaveURL(/side=2/);
	await expect(page.getByRole('status')).toHaveText(`51–100 af ${total}`);
	const pages = Math.ceil(total / 50);
	await page.goto(`/personale/opslag?side=${pages}`);
	await expect(page.getByRole('status')).toHaveText(`${(pages - 1) * 50 + 1}–${total} af ${total}`);
	await expect(page.getByRole('link', { name: 'Næste side' })).toHaveCount(0);

	// The filters go in the URL through the GET form.
	await page.goto('/personale/opslag');
	await page.getByLabel('Kommune').selectOption('330');
	await page.getByLabel('Status').selectOption('live');
	await page.getByRole('button', { name: 'Vis' }).click();
	await expect(page).toHaveURL(/kommune=330/);
	const { n: inSlagelse } = query<{ n: number }>("select count(*) as n from postings where municipality_code = '330' and status = 'live'");
	await expect(page.getByRole('status')).toHaveText(`1–${Math.min(50, inSlagelse)} af ${inSlagelse}`);

	// Search by the employer of one posting.
	const posting = query<{ id: string; title: string; employer: string }>("select id, title, employer from postings where id = 'p0002'");
	await page.goto('/personale/opslag');
	await page.getByLabel('Søg (titel, arbejdsgiver, sted)').fill(posting.employer);
	await page.getByRole('button', { name: 'Vis' }).click();
	await expect(page).toHaveURL(/q=/);
	const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: posting.title }) }).first();
	await expect(row).toBeVisible();
	const { n: applications } = query<{ n: number }>("select count(*) as n from applications where posting_id = 'p0002'");
	await expect(row.getByRole('cell').last()).toHaveText(String(applications));
	await expectNoAxeViolations(page);

	// A bad filter is told in words, with a 4xx.
	const bad = await page.goto('/personale/opslag?side=abc');
	expect(bad!.status()).toBe(400);
	await expect(page.getByText('Sidetallet skal være et helt tal fra 1.')).toBeVisible();
	expect((await page.goto('/personale/opslag?kommune=999'))!.status()).toBe(400);
});

test('on a phone each posting is a card, with no sideways scroll and no axe violations', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signInAs(page, 'sekretariat');
	await page.goto('/personale/opslag');
	await expect(page.getByRole('table')).toBeHidden();
	const cards = page.getByRole('list', { name: 'Opslag' }).getByRole('listitem');
	await expect(cards).toHaveCount(50);
	await expect(cards.first().getByRole('link')).toBeVisible();
	await expectNoSidewaysScroll(page);
	await expectNoAxeViolations(page);
	await shot(page, 'phone-first-page');
	await page.getByRole('link', { name: 'Næste side' }).scrollIntoViewIfNeeded();
	await shot(page, 'phone-pager');
});

test('a consultant sees and chooses only their own municipalities\' postings', async ({ page }) => {
	const { consultant_id: consultant } = query<{ consultant_id: string }>("select consultant_id from municipalities where code = '330'");
	const { n: own } = query<{ n: number }>('select count(*) as n from postings join municipalities on municipalities.code = postings.municipality_code where municipalities.consultant_id = ?', consultant);
	await signInAs(page, 'konsulent', consultant);
	await page.goto('/personale/opslag');
	await expect(page.getByRole('status')).toHaveText(`1–${Math.min(50, own)} af ${own}`);
	const options = await page.getByLabel('Kommune').locator('option').count();
	const { n: municipalities } = query<{ n: number }>('select count(*) as n from municipalities where consultant_id = ?', consultant);
	expect(options).toBe(municipalities + 1);
});

test('a posting with a description or task that does not exist is a field message, never a 500', async ({ page }) => {
	await signInAs(page, 'sekretariat');
	const description = query<{ id: string }>('select id from descriptions order by id limit 1').id;
	const task = query<{ id: string }>('select id from tasks order by id limit 1').id;
	const send = async (descriptionId: string, tasks: string[]) => {
		const form = new FormData();
		for (const [key, value] of Object.entries({ description: descriptionId, title: 'Pak varer', employer: 'Butikken', place: 'Slagelse', municipality: '330', hoursPerWeek: '10', eligibility: 'fortidspension' })) {
			form.append(key, value);
		}
		for (const id of tasks) form.append('tasks', id);
		// As a browser without JavaScript sends it: the answer is the page with its messages.
		return page.request.post('/personale/opslag/ny?/save', { form, headers: { origin: new URL(page.url()).origin, accept: 'text/html' }, maxRedirects: 0 });
	};
	const noDescription = await send('no-such-description', [task, task, task]);
	expect(noDescription.status()).toBe(400);
	expect(await noDescription.text()).toContain('Vi kan ikke finde den jobbeskrivelse.');
	const noTask = await send(description, [task, task, 'no-such-task']);
	expect(noTask.status()).toBe(400);
	expect(await noTask.text()).toContain('Vi kan ikke finde en af opgaverne.');
	expect(await noTask.text()).not.toMatch(/at \S+\.(js|ts):\d+/);
});
