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
