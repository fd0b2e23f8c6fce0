import net from 'node:net';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { AppServer } from './app-server';
import { keepAppOnDevice } from './helpers';

/**
 * A weak signal as the phone sees it: the connection is taken, and no answer ever
 * comes. (A server that is gone refuses the connection, and the app falls back at once.)
 */
class HangingServer {
	readonly #sockets = new Set<net.Socket>();
	readonly #server = net.createServer((socket) => {
		this.#sockets.add(socket);
		socket.on('error', () => undefined);
		socket.on('close', () => this.#sockets.delete(socket));
	});

	listen(port: number): Promise<void> {
		return new Promise((resolve, reject) => {
			this.#server.once('error', reject);
			this.#server.listen(port, '127.0.0.1', () => resolve());
		});
	}

	/** Connections taken and never answered so far. */
	get held(): number {
		return this.#sockets.size;
	}

	close(): Promise<void> {
		for (const socket of this.#sockets) socket.destroy();
		return new Promise((resolve) => (this.#server.listening ? this.#server.close(() => resolve()) : resolve()));
	}
}

const LIMIT_MS = 3_000;
const OFFLINE_NOTE = 'Der er ikke internet lige nu. Du ser de job, telefonen har gemt.';

/** What a person must see: a visible element for each selector (with the text, if given), and none with `absent`. */
interface Sight {
	shown: { selector: string; text?: string }[];
	absent?: string;
}

/**
 * Notes in the page, by the browser's own clock, when the sight is first drawn: checked
 * at every frame (so after the styles that block drawing have come). Counted from the
 * start of the navigation, or, within the page, from the pointer reaching the link (the
 * page may start loading on hover, never before).
 */
function watchFor({ key, sight, inPage }: { key: string; sight: Sight; inPage: boolean }) {
	const seen = ((window as unknown as { seenAt?: Record<string, number> }).seenAt ??= {});
	let from = inPage ? performance.now() : 0;
	if (inPage) {
		const started = (event: Event) => {
			from = event.timeStamp;
			for (const type of ['pointerover', 'pointerdown', 'click']) document.removeEventListener(type, started, true);
		};
		for (const type of ['pointerover', 'pointerdown', 'click']) document.addEventListener(type, started, true);
	}
	const visible = (selector: string, text?: string) =>
		[...document.querySelectorAll(selector)].some((element) => (!text || element.textContent?.includes(text)) && element.checkVisibility());
	const check = () => {
		const all = sight.shown.every(({ selector, text }) => visible(selector, text));
		if (all && !(sight.absent && visible('h1, h2', sight.absent))) seen[key] = performance.now() - from;
		else if (performance.now() - from < 60_000) requestAnimationFrame(check);
	};
	requestAnimationFrame(check);
}

/**
 * Does what a person does, then checks that what they should see was drawn within
 * 3 seconds of the request, by the browser's clock. (The test runner's own clock also
 * counts its round trips to the browser, seconds on a busy machine; it is noted too.)
 */
async function within3s(page: Page, testInfo: TestInfo, what: string, sight: Sight, action: () => Promise<void>, navigation = true) {
	const started = Date.now();
	if (navigation) await page.addInitScript(watchFor, { key: what, sight, inPage: false });
	else await page.evaluate(watchFor, { key: what, sight, inPage: true });
	await action();
	const shownAt = await page
		.waitForFunction((key) => (window as unknown as { seenAt?: Record<string, number> }).seenAt?.[key], what, { timeout: 15_000 })
		.then((handle) => handle.jsonValue() as Promise<number>);
	testInfo.annotations.push({ type: 'time', description: `${what}: drawn ${Math.round(shownAt)} ms after the request (test runner: ${Date.now() - started} ms)` });
	expect.soft(shownAt, `${what}: ms from the request until it is drawn`).toBeLessThan(LIMIT_MS);
}

const posting = (title: string): Sight => ({
	shown: [{ selector: 'h1', text: title }, { selector: 'h2', text: 'Det skal du lave:' }, { selector: '[role=status]', text: OFFLINE_NOTE }]
});
const jobList: Sight = { shown: [{ selector: 'article' }, { selector: '[role=status]', text: OFFLINE_NOTE }], absent: 'Det skal du lave:' };
const startPage: Sight = { shown: [{ selector: 'h1', text: 'Find et job, der passer til dig' }, { selector: 'a', text: 'Find et job' }] };

test.describe('a server that takes the connection and never answers', () => {
	test('the installed app opens from the phone’s copy within 3 seconds, with a quiet note', async ({ page, context }, testInfo) => {
		test.setTimeout(120_000);
		const server = new AppServer(4600 + testInfo.parallelIndex);
		const hanging = new HangingServer();
		await server.start();
		try {
			await keepAppOnDevice(page, server.url);
			const [seen, never] = server.query<{ id: string; title: string }>(
				"select id, title from postings where status = 'live' order by id desc limit 2"
			);
			await page.goto(`${server.url}/job/${seen!.id}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(seen!.title);
			await expect(page.getByText(OFFLINE_NOTE)).toBeHidden();

			await server.stop();
			await hanging.listen(server.port);

			// (a) Opened from the home screen: a new window on the start page.
			const home = await context.newPage();
			await within3s(home, testInfo, 'start page from the home screen', startPage, async () => {
				await home.goto(`${server.url}/`, { waitUntil: 'commit', timeout: LIMIT_MS });
			});
			await home.close();

			// (b) A posting opened before, reloaded: the kept page, marked as the phone's copy.
			await within3s(page, testInfo, 'reload of a posting', posting(seen!.title), async () => {
				await page.reload({ waitUntil: 'commit', timeout: LIMIT_MS });
			});

			// (c) The job list: postings from the phone, with the note.
			await within3s(page, testInfo, 'job list', jobList, async () => {
				await page.goto(`${server.url}/job`, { waitUntil: 'commit', timeout: LIMIT_MS });
			});

			// (d) A posting never opened before: the app shell draws it from the postings on the phone.
			await within3s(page, testInfo, 'a posting never opened before', posting(never!.title), async () => {
				await page.goto(`${server.url}/job/${never!.id}`, { waitUntil: 'commit', timeout: LIMIT_MS });
			});

			// It was the hanging server the app waited for, not a refusal.
			expect(hanging.held).toBeGreaterThan(0);
		} finally {
			await hanging.close();
			await server.stop();
		}
	});

	test('without the service worker, a page opened anew does not open within 3 seconds (the first test would fail)', async ({ browser }, testInfo) => {
		test.setTimeout(90_000);
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const server = new AppServer(4620 + testInfo.parallelIndex);
		const hanging = new HangingServer();
		await server.start();
		try {
			await page.goto(`${server.url}/`);
			await expect(page.getByRole('link', { name: 'Find et job' })).toBeVisible();
			await server.stop();
			await hanging.listen(server.port);

			// As (a) above, opened from the home screen: nothing comes.
			const home = await context.newPage();
			const started = Date.now();
			const opened = await home.goto(`${server.url}/`, { waitUntil: 'commit', timeout: LIMIT_MS }).then(
				() => true,
				() => false
			);
			expect(opened).toBe(false);
			expect(Date.now() - started).toBeGreaterThanOrEqual(LIMIT_MS - 100);
			// Still the empty window it was opened as.
			expect(home.url()).toBe('about:blank');
			expect(hanging.held).toBeGreaterThan(0);
		} finally {
			await hanging.close();
			await server.stop();
			await context.close();
		}
	});
});
