import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

/** WCAG 2.0-2.2, levels A and AA: the tags the app promises. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
	id: string;
	help: string;
	nodes: { target: string[] }[];
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
	await page.addScriptTag({ path: axePath });
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
 * records what would be spoken, so read-aloud can be tested for what it says.
 */
export async function fakeSpeechVoices(page: Page, languages: string[]): Promise<void> {
	await page.addInitScript((langs) => {
		const spoken: { text: string; lang: string }[] = [];
		const voices = langs.map((lang) => ({ lang, name: `Test ${lang}`, default: false, localService: true, voiceURI: lang }));
		const synth = {
			speaking: false,
			getVoices: () => voices,
			speak(utterance: SpeechSynthesisUtterance) {
				spoken.push({ text: utterance.text, lang: utterance.lang });
				synth.speaking = true;
			},
			cancel() {
				synth.speaking = false;
			},
			addEventListener() {},
			removeEventListener() {}
		};
		// Real utterances only take real voices; a plain stand-in takes the fake ones.
		class FakeUtterance {
			text: string;
			lang = '';
			voice: unknown = null;
			rate = 1;
			constructor(text: string) {
				this.text = text;
			}
			addEventListener() {}
		}
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		Object.defineProperty(window, '__spoken', { value: spoken });
	}, languages);
}

export async function spokenTexts(page: Page): Promise<{ text: string; lang: string }[]> {
	return page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
}

/** Every page should fit the screen: nothing to scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
}
