import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { measureJobListBytes } from '../job-list-bytes';

/**
 * Byte budgets for the job list, the page phones open most, measured as the browser
 * receives it from the app's own server (`node src/cli/serve.js`): bytes on the wire,
 * headers included. tests/bench/PROFILE.md explains where the bytes go.
 */
const KB = 1024;

test('the first screen of the job list: HTML + CSS ≤ 14 KB on the wire', async ({ page, baseURL }) => {
	const bytes = await measureJobListBytes(page, `${baseURL}/job`);
	expect(bytes.html + bytes.css, `HTML ${bytes.html} (${bytes.htmlEncoding}) + CSS ${bytes.css}`).toBeLessThanOrEqual(14 * KB);
});

test('the job list: JS before interaction stays within 60 KB on the wire, and the rest waits until the page is up', async ({
	page,
	baseURL
}) => {
	const bytes = await measureJobListBytes(page, `${baseURL}/job`);
	const files = bytes.scriptsAtLoad.map((url) => new URL(url).pathname).sort();
	expect(bytes.jsAtLoad, files.join('\n')).toBeLessThanOrEqual(60 * KB);

	// The database code, the validation library, the service worker helper, i18next and the
	// language file are not part of it (the page starts from the texts it was drawn with).
	const source = (url: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../build/client', new URL(url).pathname.slice(1)), 'utf8');
	const sources = bytes.scriptsAtLoad.map(source).join('\n');
	expect(sources).not.toMatch(/Dexie|DexieError/);
	expect(sources).not.toMatch(/ZodError|\$ZodType/);
	expect(sources).not.toMatch(/workbox:window/);
	expect(sources).not.toMatch(/addResourceBundle/);
	expect(sources).not.toContain('{{page}} – KLAPjob');

	// Nor do they come while the page starts, untouched: the offline copy of the postings is
	// the service worker's work, the outbox waits for an application, and i18next for the
	// person's first tap or key.
	const started = bytes.scriptsAll.map(source).join('\n');
	expect(started).not.toMatch(/Dexie|DexieError/);
	expect(started).not.toMatch(/addResourceBundle/);

	// i18next comes at the first key, and the service worker is registered.
	const i18next = page.waitForResponse((response) => response.request().resourceType() === 'script' && source(response.url()).includes('addResourceBundle'));
	await page.keyboard.press('Tab');
	await i18next;
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then(Boolean)), { timeout: 15_000 }).toBe(true);
});

test('the form’s first step: JS before interaction within 70 KB on the wire, without the database code or the answer checks', async ({
	page,
	baseURL
}) => {
	const bytes = await measureJobListBytes(page, `${baseURL}/job/p0001/ansog`);
	const files = bytes.scriptsAtLoad.map((url) => new URL(url).pathname).sort();
	expect(bytes.jsAtLoad, files.join('\n')).toBeLessThanOrEqual(70 * KB);
	// Dexie and zod load after the question is on screen, each in its own piece.
	const source = (url: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../build/client', new URL(url).pathname.slice(1)), 'utf8');
	const sources = bytes.scriptsAtLoad.map(source).join('\n');
	expect(sources).not.toMatch(/Dexie|DexieError/);
	expect(sources).not.toMatch(/ZodError|\$ZodType/);
	await expect(page.getByRole('heading', { level: 1, name: 'Hvem udfylder ansøgningen?' })).toBeVisible();
});
