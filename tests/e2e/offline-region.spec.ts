import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { AppServer } from './app-server';
import { expectNoAxeViolations, localPostingCount } from './helpers';

/** Ten copies of every seeded posting, with new ids and their tasks: over 500 in each of the bigger regions. */
function addCopies(databaseFile: string, times: number): void {
	const db = new Database(databaseFile);
	try {
		const now = new Date().toISOString();
		db.transaction(() => {
			for (let k = 1; k <= times; k++) {
				db.prepare(
					`insert into postings (id, description_id, job_type_id, title, employer, place, municipality_code, hours_per_week, eligibility, status, published_at, search_text, updated_at)
					 select 'c' || ? || '-' || id, description_id, job_type_id, title, employer, place, municipality_code, hours_per_week, eligibility, status, published_at, search_text, ? from postings where id like 'p%'`
				).run(String(k), now);
				db.prepare(`insert into posting_tasks (posting_id, position, task_id, text) select 'c' || ? || '-' || posting_id, position, task_id, text from posting_tasks where posting_id like 'p%'`).run(String(k));
			}
		})();
	} finally {
		db.close();
	}
}

test('offline, the list holds every posting of the chosen region (over 500) and says it is only a part @phone-only', async ({ page, context }, testInfo) => {
	test.setTimeout(120_000);
	const server = new AppServer(4600 + testInfo.parallelIndex);
	await server.start();
	try {
		addCopies(server.databaseFile, 10);
		const region = server.query<{ id: string }>(
			"select postings.id from postings join municipalities on municipalities.code = postings.municipality_code where status = 'live' and region = 'Sjælland'"
		);
		const all = server.query<{ n: number }>("select count(*) as n from postings where status = 'live'")[0]!.n;
		expect(region.length).toBeGreaterThan(500);

		// One visit with a connection; the person looks for jobs in Region Sjælland.
		await page.goto(`${server.url}/`);
		await page.evaluate(() => navigator.serviceWorker.ready);
		await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
		await page.goto(`${server.url}/job?region=Sj%C3%A6lland`);
		await expect.poll(() => localPostingCount(page), { timeout: 60_000 }).toBe(region.length);
		const kept: string[] = await page.evaluate(async () => {
			const open = indexedDB.open('klapjob');
			const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
			const keys: [string, string][] = await new Promise((resolve) => {
				const request = db.transaction('postings').objectStore('postings').getAllKeys();
				request.onsuccess = () => resolve(request.result as unknown as [string, string][]);
			});
			db.close();
			return keys.map(([, id]) => id);
		});
		expect(kept.sort()).toEqual(region.map((row) => row.id).sort());

		// The connection goes.
		await server.stop();
		await context.setOffline(true);
		await page.goto(`${server.url}/job`);
		await expect(page.getByText('Du ser job i Region Sjælland. Resten kan du se, når du er på nettet.')).toBeVisible({ timeout: 10_000 });
		await expect(page.getByText(`Vi har ${region.length} job til dig.`)).toBeVisible();
		expect(region.length).toBeLessThan(all);
		await expectNoAxeViolations(page);
		await page.screenshot({ path: testInfo.outputPath('offline-region.png') });
	} finally {
		await context.setOffline(false);
		await server.stop();
	}
});
