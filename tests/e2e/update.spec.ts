import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

/**
 * A new version of the app: the service worker finds it, and the bar that offers it sits in
 * the page, under the header. It covers nothing, and *Senere* puts it away for this visit.
 * The new version is the real service worker script with one more line, served by a proxy
 * in front of the app (the browser fetches a service worker's script past Playwright's
 * routes), so the browser's own update check finds it, and it installs and waits.
 */

/** The app as it is, until `publish()`: then its service worker script has changed. */
async function appWithNewVersionLater(appUrl: string) {
	let published = false;
	const proxy = http.createServer((request, response) => {
		const changed = published && request.url === '/service-worker.js';
		const headers = { ...request.headers };
		// The script is changed as text, so it is asked for uncompressed.
		if (changed) delete headers['accept-encoding'];
		const upstream = http.request(new URL(request.url ?? '/', appUrl), { method: request.method, headers }, (answer) => {
			if (!changed) {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
				return;
			}
			const chunks: Buffer[] = [];
			answer.on('data', (chunk: Buffer) => chunks.push(chunk));
			answer.on('end', () => {
				const body = Buffer.concat([...chunks, Buffer.from('\n// a new version\n')]);
				const { etag: _etag, 'last-modified': _modified, ...rest } = answer.headers;
				response.writeHead(answer.statusCode ?? 502, { ...rest, 'content-length': String(body.length) });
				response.end(body);
			});
		});
		upstream.on('error', () => response.destroy());
		request.pipe(upstream);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
		publish: () => void (published = true),
		close: () =>
			new Promise<void>((resolve) => {
				proxy.close(() => resolve());
				proxy.closeAllConnections();
			})
	};
}

async function installApp(page: Page, url: string) {
	await page.goto(`${url}/`);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** The element a finger at the centre of the locator's box would touch is the locator's own. */
async function touchedAtCentre(target: Locator): Promise<boolean> {
	return target.evaluate((element) => {
		const box = element.getBoundingClientRect();
		const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
		return !!hit && (hit === element || element.contains(hit));
	});
}

test('a new version is offered in the page: it covers no button, and "Senere" puts it away for this visit', async ({ page, baseURL }) => {
	test.setTimeout(90_000);
	const app = await appWithNewVersionLater(baseURL!);
	try {
		await installApp(page, app.url);
		app.publish();
		await page.goto(`${app.url}/ansog?trin=pension`);
		const bar = page.getByText('Der er en ny version.');
		await expect(bar).toBeVisible({ timeout: 30_000 });
		// It came without taking the focus from the question.
		await expect(page.locator('#question')).toBeFocused();
		await expectNoAxeViolations(page);

		// "Tilbage" at the bottom of the screen, where a bar fixed to the screen would lie over it.
		const back = page.getByRole('button', { name: 'Tilbage', exact: true });
		await back.evaluate((button) => window.scrollBy(0, button.getBoundingClientRect().bottom - window.innerHeight + 8));
		expect(await touchedAtCentre(back), '"Tilbage" is not covered').toBe(true);

		await expect(page.getByRole('button', { name: 'Opdater nu' })).toBeVisible();
		await page.getByRole('button', { name: 'Senere' }).click();
		await expect(bar).toBeHidden();
		await expect(page.getByRole('button', { name: 'Opdater nu' })).toBeHidden();
		// The focus goes back to where it was, not lost with the button.
		await expect(page.locator('#question')).toBeFocused();
		// Gone for the rest of the visit: the next step does not bring it back.
		await page.getByRole('button', { name: 'Nej', exact: true }).click();
		await expect(page).toHaveURL(/trin=fleksjob/);
		await expect(page.locator('#question')).toBeFocused();
		await page.waitForTimeout(1000);
		await expect(bar).toBeHidden();
	} finally {
		await app.close();
	}
});
