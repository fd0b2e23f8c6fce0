import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { measureJobListBytes } from '../job-list-bytes';

/**
 * Byte budgets for the job list, the page phones open most, measured on what the built
 * app sends (gzip, level 9). tests/bench/PROFILE.md explains where the bytes go.
 */
const KB = 1024;

test('the first screen of the job list: HTML + CSS ≤ 14 KB gzip', async ({ page, baseURL }) => {
	const bytes = await measureJobListBytes(page, `${baseURL}/job`);
	expect(bytes.html + bytes.css, `HTML ${bytes.html} + CSS ${bytes.css}`).toBeLessThanOrEqual(14 * KB);
});

test('the job list: JS before interaction stays within its budget, and the rest waits until the page is up', async ({
	page,
	baseURL
}) => {
	const bytes = await measureJobListBytes(page, `${baseURL}/job`);
	const files = bytes.scriptsAtLoad.map((url) => new URL(url).pathname).sort();
	expect(bytes.jsAtLoad, files.join('\n')).toBeLessThanOrEqual(60 * KB);

	// The database code, the validation library, the service worker helper, i18next and the
	// language file are not part of it (the page starts from the texts it was drawn with).
	const sources = files.map((file) => fs.readFileSync(path.resolve(import.meta.dirname, '../../build/client', file.slice(1)), 'utf8')).join('\n');
	expect(sources).not.toMatch(/Dexie|DexieError/);
	expect(sources).not.toMatch(/ZodError|\$ZodType/);
	expect(sources).not.toMatch(/workbox:window/);
	expect(sources).not.toMatch(/addResourceBundle/);
	expect(sources).not.toContain('{{page}} – KLAPjob');

	// ...but they do come once the page is idle: the offline copy and the outbox still start.
	expect(bytes.jsAfterIdle).toBeGreaterThan(bytes.jsAtLoad + 30 * KB);
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then(Boolean))).toBe(true);
});
