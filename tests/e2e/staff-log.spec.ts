import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { applicationBody } from './application-body';
import { makeStaffAccount, signIn } from './staff-account';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './helpers';

// Each staff sign-in is a deliberately slow password check (scrypt), and a test makes several:
// on a busy 2-core machine that alone can take more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

function consultantOf(municipality: string): string {
	const database = new Database(process.env.E2E_DATABASE_FILE!);
	try {
		return (database.prepare('select consultant_id from municipalities where code = ?').get(municipality) as { consultant_id: string }).consultant_id;
	} finally {
		database.close();
	}
}

function auditLines(action: string): { staff_id: string | null; detail: string | null }[] {
	const database = new Database(process.env.E2E_DATABASE_FILE!, { readonly: true });
	try {
		return database.prepare('select staff_id, detail from audit_log where action = ? order by at').all(action) as { staff_id: string | null; detail: string | null }[];
	} finally {
		database.close();
	}
}


test('an admin sees a consultant read a case in the log, filters by what was done, and the consultant may not see the log', async ({ browser, request }) => {
	test.setTimeout(90_000);
	// An application in the consultant's municipality, read on the case page.
	const id = randomUUID();
	const sent = await request.post('/api/applications', {
		headers: { 'idempotency-key': id },
		data: applicationBody({ id, name: 'Log Testesen', municipality: '330' })
	});
	expect(sent.status()).toBe(201);
	const { reference } = (await sent.json()) as { reference: string };

	const consultantContext = await browser.newContext();
	const consultant = await consultantContext.newPage();
	await signIn(consultant, await makeStaffAccount(process.env.E2E_DATABASE_FILE!, 'konsulent', consultantOf('330')));
	expect((await consultant.goto(`/personale/ansoegning/${id}`))!.status()).toBe(200);
	// The log is for admins: no link, and 403 when asked for.
	await expect(consultant.getByRole('link', { name: 'Log', exact: true })).toHaveCount(0);
	expect((await consultant.goto('/personale/log'))!.status()).toBe(403);
	await expect(consultant.getByRole('heading', { level: 1 })).toHaveText('Kun en admin kan se loggen.');
	await consultantContext.close();

	const adminContext = await browser.newContext();
	const page = await adminContext.newPage();
	await signIn(page, await makeStaffAccount(process.env.E2E_DATABASE_FILE!, 'admin'));
	await page.getByRole('link', { name: 'Log', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Log over adgang' })).toBeVisible();
	await expect(page.getByRole('status')).toHaveText(/^1–\d+ af \d+$/);
	await expectNoAxeViolations(page);

	// Only the reading of applications, by the application's number.
	await page.getByLabel('Hvad').selectOption({ label: 'Læste en ansøgning' });
	await page.getByLabel('Ansøgning (nummer)').fill(reference.toLowerCase());
	await page.getByRole('button', { name: 'Vis' }).click();
	await expect(page).toHaveURL(/hvad=read-application/);
	await expect(page.getByRole('status')).toHaveText('1–1 af 1');
	const row = page.locator('tbody tr');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('Test konsulent');
	await expect(row).toContainText('Læste en ansøgning');
	await expect(row).toContainText(reference);
	// Nothing personal in the log: not the name on the application.
	await expect(page.locator('body')).not.toContainText('Log Testesen');
	await expectNoAxeViolations(page);

	// Reading the log is logged too, with its filters.
	const reads = auditLines('audit-log-read');
	expect(reads.at(-1)!.detail).toBe(`hvad=read-application ansoegning=${reference}`);

	// Bad filters are a 400 with the reason, never a 500.
	for (const search of ['fra=2026-13-01', 'til=i%20morgen', 'fra=2026-03-01&til=2026-02-01', 'side=-1', 'hvad=%3Cscript%3E', 'hvem=%27%20or%201%3D1']) {
		const response = await page.goto(`/personale/log?${search}`);
		expect(response!.status(), search).toBe(400);
	}
	await page.goto('/personale/log?fra=2026-03-01&til=2026-02-01');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fra dato skal komme før til dato.');
	// An unknown number is a message on the page.
	await page.goto('/personale/log?ansoegning=ZZZ-999');
	await expect(page.getByRole('status')).toHaveText('Ingen ansøgning har nummeret ZZZ-999.');

	// On a phone: cards, no sideways scroll.
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/personale/log?hvad=read-application&ansoegning=${reference}`);
	await expect(page.locator('.staff-cards li')).toHaveCount(1);
	await expect(page.locator('.staff-cards li')).toContainText('Læste en ansøgning');
	await expect(page.locator('table')).toBeHidden();
	await expectNoSidewaysScroll(page);
	await page.goto('/personale/log');
	await expectNoSidewaysScroll(page);
	await expectNoAxeViolations(page);
	await adminContext.close();
});
