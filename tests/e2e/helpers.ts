import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol, which the app's Content-Security-Policy does not
// stop (a <script> tag would be refused, as it should be).
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0-2.2, levels A and AA: the tags the app promises. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
	id: string;
	help: string;
	nodes: { target: string[] }[];
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const violations = await page.evaluate(async (tags) => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
		return result.violations as AxeViolation[];
	}, WCAG_TAGS);
	const summary = violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Headless Chromium has no voices. This gives it one for the languages named and
 * records what would be spoken. Each sentence "starts" at once and ends only when the
 * test says so (finishSentence), so what is highlighted can be checked mid-reading.
 */
export async function fakeSpeechVoices(page: Page, languages: string[]): Promise<void> {
	await page.addInitScript((langs) => {
		type Listener = (event: Event) => void;
		const spoken: { text: string; lang: string; rate: number }[] = [];
		const voices = langs.map((lang) => ({ lang, name: `Test ${lang}`, default: false, localService: true, voiceURI: lang }));
		let current: FakeUtterance | null = null;
		// Real utterances only take real voices; a plain stand-in takes the fake ones.
		class FakeUtterance {
			text: string;
			lang = '';
			voice: unknown = null;
			rate = 1;
			listeners: Record<string, Listener[]> = {};
			constructor(text: string) {
				this.text = text;
			}
			addEventListener(type: string, listener: Listener) {
				(this.listeners[type] ??= []).push(listener);
			}
			fire(type: string) {
				for (const listener of this.listeners[type] ?? []) listener(new Event(type));
			}
		}
		const synth = {
			get speaking() {
				return current !== null;
			},
			getVoices: () => voices,
			speak(utterance: FakeUtterance) {
				spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
				current = utterance;
				setTimeout(() => {
					if (current === utterance) utterance.fire('start');
				}, 0);
			},
			cancel() {
				current = null;
			},
			addEventListener() {},
			removeEventListener() {}
		};
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		Object.defineProperty(window, '__spoken', { value: spoken });
		Object.defineProperty(window, '__finishSentence', {
			value: () => {
				const utterance = current;
				current = null;
				utterance?.fire('end');
			}
		});
		Object.defineProperty(window, '__speaking', { get: () => current !== null });
	}, languages);
}

export async function spokenTexts(page: Page): Promise<{ text: string; lang: string; rate: number }[]> {
	return page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string; rate: number }[] }).__spoken);
}

/** The voice finishes the sentence it is reading; the app goes on to the next. */
export async function finishSentence(page: Page): Promise<void> {
	await page.evaluate(() => (window as unknown as { __finishSentence: () => void }).__finishSentence());
}

/** Lets the voice read to the end, and returns every sentence it read. */
export async function readToEnd(page: Page): Promise<string[]> {
	for (let i = 0; i < 200 && (await page.evaluate(() => (window as unknown as { __speaking: boolean }).__speaking)); i++) {
		await finishSentence(page);
		await page.waitForTimeout(5);
	}
	return (await spokenTexts(page)).map((sentence) => sentence.text);
}

/** The text under the read-aloud highlight (the sentence being read), or null. */
export async function highlightedText(page: Page): Promise<string | null> {
	return page.evaluate(() => {
		const highlight = CSS.highlights.get('read-aloud');
		if (!highlight) return null;
		return [...highlight].map((range) => range.toString()).join(' ');
	});
}

/** Every page should fit the screen: nothing to scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
}

/** Every record in the app's IndexedDB stores but the postings' copies, store by store. */
export async function indexedDbStores(page: Page): Promise<Record<string, unknown[]>> {
	return page.evaluate(async () => {
		const open = indexedDB.open('klapjob');
		const db: IDBDatabase = await new Promise((resolve, reject) => {
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const all: Record<string, unknown[]> = {};
		for (const name of Array.from(db.objectStoreNames)) {
			if (name === 'postings' || name === 'jobTypes') continue;
			all[name] = await new Promise((resolve) => {
				const request = db.transaction(name).objectStore(name).getAll();
				request.onsuccess = () => resolve(request.result);
			});
		}
		db.close();
		return all;
	});
}

/** The same, as text: to prove nothing personal is left. */
export async function indexedDbText(page: Page): Promise<string> {
	return JSON.stringify(await indexedDbStores(page));
}

/** How many postings the device keeps for offline use (IndexedDB). */
export async function localPostingCount(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const open = indexedDB.open('klapjob');
		const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
		if (!db.objectStoreNames.contains('postings')) {
			// Closed, or the app's own opening (a newer version) would wait for it for ever.
			db.close();
			return 0;
		}
		const count: number = await new Promise((resolve) => {
			const request = db.transaction('postings').objectStore('postings').count();
			request.onsuccess = () => resolve(request.result);
		});
		db.close();
		return count;
	});
}

/** One visit with a connection, as a person's first: the service worker takes control, the postings are kept. */
export async function keepAppOnDevice(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/`);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await page.goto(`${baseUrl}/job`);
	await expect.poll(() => localPostingCount(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(250);
}

/**
 * The form's steps after the municipality, the quickest way to "Tjek": yes to "Bor du i …?",
 * the optional steps skipped, "Ved ikke" on the hours, and consent given.
 */
export async function quickestToCheck(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Ja', exact: true }).click();
	await page.getByRole('button', { name: 'Spring over' }).click();
	await page.getByRole('button', { name: 'Spring over' }).click();
	await page.getByRole('button', { name: 'Ved ikke' }).click();
	await page.getByRole('button', { name: 'Spring over' }).click();
	await page.getByRole('button', { name: 'Ja, det må I' }).click();
}
