import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { makeStaffAccount, signIn as signInAs } from './staff-account';
import { AppServer } from './app-server';
import { expectNoAxeViolations } from './helpers';

/**
 * The figures and the follow-up list at volume: an app of its own, on a database filled
 * with 12,000 applications over 4 years before it starts (the shared server's data is
 * other tests').
 */
const server = new AppServer(4810, { SIGN_IN_LIMIT_PER_ADDRESS: '1000' });
// Each test walks a page of 50 rows at two sizes with axe: more than the default 30 s on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	execFileSync('npx', ['tsx', '--tsconfig', 'tsconfig.json', 'tests/synthetic-database.ts', server.databaseFile, '12000', new Date().toISOString()], {
		cwd: path.resolve(import.meta.dirname, '../..'),
		encoding: 'utf8'
	});
	await server.start();
});
test.afterAll(() => server.stop());

async function account(role: 'sekretariat' | 'konsulent' | 'admin', consultantId: string | null = null): Promise<string> {
	return makeStaffAccount(server.databaseFile, role, consultantId);
}

async function signIn(page: Page, email: string) {
	await signInAs(page, email, { base: server.url });
}

/** The page at the two sizes staff use: a laptop and a phone, with no sideways scroll on the phone. */
async function bothSizes(page: Page, name: string, sections: string[] = []) {
	for (const [width, height] of [
		[1280, 800],
		[390, 844]
	] as const) {
		await page.setViewportSize({ width, height });
		await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `${name} at ${width} px` }).toBeLessThanOrEqual(0);
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`) });
		// Further down, a screen at a time: the parts worth judging by eye.
		for (const [i, section] of sections.entries()) {
			await page.locator(section).first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
			await page.screenshot({ path: test.info().outputPath(`${name}-${width}-${i + 1}.png`) });
		}
		await expectNoAxeViolations(page);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
}

test('the figures for a period: totals against the targets, a chart with its table, tables that add up, and the CSV', async ({ page }) => {
	await signIn(page, await account('sekretariat'));
	const lastYear = new Date().getUTCFullYear() - 1;
	await page.goto(`${server.url}/personale/tal`);
	await page.getByLabel('Periode').selectOption({ label: 'Sidste år' });
	await page.getByRole('button', { name: 'Vis' }).click();
	await expect(page).toHaveURL(/periode=last-year/);
	await expect(page.getByRole('heading', { name: `Fra 1. januar ${lastYear} til 31. december ${lastYear}` })).toBeVisible();
	await expect(page.getByText('Målene er evalueringens mål for et helt år.')).toBeVisible();
	await expect(page.getByText('Mål: 800', { exact: true })).toBeVisible();

	// The chart names itself, and its numbers are in the table beside it.
	const chart = page.getByRole('img', { name: /Ansættelser pr. måned/ });
	await expect(chart).toBeVisible();
	await expect(chart.locator('rect')).toHaveCount(12);
	const table = page.getByRole('table', { name: 'Ansættelser pr. måned som tabel' });
	await expect(table.locator('tbody tr')).toHaveCount(12);
	const monthly = (await table.locator('tbody tr td:last-child').allTextContents()).reduce((sum, n) => sum + Number(n), 0);
	const hires = Number(await page.locator('dt', { hasText: 'Ansættelser i alt' }).locator('+ dd').evaluate((dd) => dd.firstChild!.textContent!.trim()));
	expect(hires).toBeGreaterThan(0);
	expect(monthly).toBe(hires);
	// Per region, consultant and municipality: each adds up to the applications received.
	const received = Number(await page.locator('dt', { hasText: 'Ansøgninger modtaget' }).locator('+ dd').textContent());
	for (const name of ['Pr. region', 'Pr. konsulent', 'Pr. kommune']) {
		const cells = await page.getByRole('region', { name }).locator('tbody tr td:nth-of-type(1)').allTextContents();
		expect(cells.reduce((sum, n) => sum + Number(n), 0), name).toBe(received);
	}
	await bothSizes(page, 'figures-last-year', ['dl.figures', 'section.chart', '#municipalities-heading']);

	// A from–to range: the targets are pro-rated, and the form keeps the dates.
	await page.getByLabel('Periode').selectOption({ label: 'Fra og til' });
	await page.getByLabel('Fra', { exact: true }).fill(`${lastYear}-03-01`);
	await page.getByLabel('Til', { exact: true }).fill(`${lastYear}-05-31`);
	await page.getByRole('button', { name: 'Vis' }).click();
	await expect(page).toHaveURL(new RegExp(`periode=range&maaned=&fra=${lastYear}-03-01&til=${lastYear}-05-31`));
	await expect(page.getByText('Målene er regnet om til periodens 92 dage.', { exact: false })).toBeVisible();
	await expect(page.getByText(`Mål: ${Math.round((800 * 92) / 365)}`, { exact: true })).toBeVisible();
	await expect(page.getByRole('img', { name: /Ansættelser pr. måned/ }).locator('rect')).toHaveCount(3);

	// The CSV of the same period, as a download: a BOM, then the columns.
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Hent som CSV' }).click();
	const download = await downloading;
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = bytes.toString('utf8').slice(1).split('\r\n');
	expect(lines[0]).toBe('period,region,municipality,consultant,applications,conversations,internships,hires_skaanejob,hires_fleksjob,follow_ups,in_job_after_6_months');
	expect(lines[1]).toMatch(new RegExp(`^${lastYear}-03-01/${lastYear}-05-31,`));

	// A period that cannot be: 400 with the reason in Danish, never 500.
	const bad = await page.goto(`${server.url}/personale/tal?periode=range&fra=${lastYear}-05-01&til=${lastYear}-04-01`);
	expect(bad!.status()).toBe(400);
	await expect(page.getByRole('alert')).toHaveText('Fra-datoen skal ligge før til-datoen.');
	await expectNoAxeViolations(page);
	const badCsv = await page.request.get(`${server.url}/personale/tal/csv?periode=month&maaned=2026-13`);
	expect(badCsv.status()).toBe(400);
	expect(await badCsv.text()).toContain('Vælg en måned.');
});

test('the follow-up list: due calls 50 a page, an outcome recorded from its row, a mistake shown on that row', async ({ page }) => {
	await signIn(page, await account('sekretariat'));
	await page.goto(`${server.url}/personale/opfoelgning`);
	const range = page.getByText(/^1–50 af \d+$/);
	await expect(range).toBeVisible();
	const total = Number((await range.textContent())!.split(' af ')[1]);
	expect(total).toBeGreaterThan(50);
	await expect(page.locator('ul.list > li')).toHaveCount(50);
	await bothSizes(page, 'follow-ups', ['ul.list > li:nth-child(2)']);

	const row = page.locator('ul.list > li').first();
	const reference = (await row.getByRole('link').textContent())!.split(' · ')[0]!;
	// Saved without an outcome: the row says what is missing.
	const refused = page.waitForResponse((response) => response.request().method() === 'POST');
	await row.getByRole('button', { name: 'Gem opfølgning' }).click();
	expect((await refused).status()).toBe(400);
	const again = page.locator('ul.list > li').first();
	await expect(again.getByRole('alert')).toContainText('Vælg status efter 6 måneder.');
	await expect(again.getByRole('alert')).toContainText('Vælg trivsel.');
	await expect(page.getByRole('alert')).toHaveCount(1);
	await again.evaluate((element) => element.scrollIntoView({ block: 'center' }));
	await page.screenshot({ path: test.info().outputPath('follow-up-row-mistake-1280.png') });
	await expectNoAxeViolations(page);

	await again.getByLabel('Status efter 6 måneder').selectOption({ label: 'I et nyt job' });
	await again.getByLabel('Trivsel').selectOption({ label: 'Trives godt' });
	await again.getByRole('button', { name: 'Gem opfølgning' }).click();
	await expect(page.getByRole('status')).toHaveText('Opfølgningen er gemt.');
	await expect(page.getByText(`1–50 af ${total - 1}`)).toBeVisible();
	await expect(page.getByRole('link', { name: new RegExp(reference) })).toHaveCount(0);
	const saved = server.query<{ outcome: string }>(
		"select e.outcome from application_events e join applications a on a.id = e.application_id where a.reference = ? and e.status = 'follow-up'",
		reference
	);
	expect(saved).toEqual([{ outcome: 'new-job' }]);

	await page.getByRole('link', { name: 'Næste side' }).click();
	await expect(page.getByText(new RegExp(`^51–${Math.min(100, total - 1)} af ${total - 1}$`))).toBeVisible();
});

test('a consultant sees only the follow-ups and figures of their own municipalities', async ({ page }) => {
	const consultantId = server.query<{ consultant_id: string }>("select consultant_id from municipalities where code = '101'")[0]!.consultant_id;
	const due = server.query<{ n: number }>(
		"select count(*) as n from applications where status = 'hired' and consultant_id = ? and follow_up_due_at <= ?",
		consultantId,
		new Date(Date.now() + 28 * 86_400_000).toISOString()
	)[0]!.n;
	const own = server.query<{ name: string }>('select name from municipalities where consultant_id = ? order by region, name', consultantId).map((m) => m.name);
	await signIn(page, await account('konsulent', consultantId));
	await page.goto(`${server.url}/personale/opfoelgning`);
	if (due > 0) await expect(page.getByText(new RegExp(`^1–${Math.min(50, due)} af ${due}$`))).toBeVisible();
	else await expect(page.getByText('Ingen opfølgninger venter.')).toBeVisible();
	await page.goto(`${server.url}/personale/tal`);
	await expect(page.getByRole('region', { name: 'Pr. kommune' }).locator('tbody th')).toHaveText(own);
	await expect(page.getByRole('region', { name: 'Pr. konsulent' }).locator('tbody tr')).toHaveCount(1);
});
