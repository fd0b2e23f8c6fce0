import type { TFunction } from 'i18next';
import type { Language } from './languages';

/**
 * The texts a page was drawn with on the server, sent inside the page, so that the
 * browser can take the page over (hydrate) before i18next and the language file have
 * arrived: a phone on a slow line gets a working page ~20 KB sooner. i18next still
 * makes every text; here its answers are only remembered and read back.
 */
export const DRAWN_TEXTS_ID = 'drawn-texts';

export type DrawnTexts = Record<string, unknown>;

/** One entry per call: the key with its options, as both sides build them alike. */
export function textKey(key: unknown, options?: unknown): string {
	return options === undefined ? String(key) : `${String(key)} ${JSON.stringify(options)}`;
}

/** On the server: translates with i18next and notes each answer. */
export function recordingTranslator(t: TFunction, drawn: DrawnTexts): TFunction {
	return ((key: string, options?: unknown) => {
		const text = (t as (key: string, options?: unknown) => unknown)(key, options);
		drawn[textKey(key, options)] = text;
		return text;
	}) as TFunction;
}

/** The texts as a data block at the end of the page (not run as a script, so no CSP hash). */
export function drawnTextsHtml(lang: Language, drawn: DrawnTexts): string {
	const json = JSON.stringify({ lang, texts: drawn }).replace(/</g, '\\u003c');
	return `<script type="application/json" id="${DRAWN_TEXTS_ID}">${json}</script>`;
}

/** In the browser, once: the texts the server drew this page with, if in this language. */
export function takeDrawnTexts(lang: Language): DrawnTexts | undefined {
	const element = document.getElementById(DRAWN_TEXTS_ID);
	if (!element) return undefined;
	element.remove();
	try {
		const { lang: drawnIn, texts } = JSON.parse(element.textContent ?? '') as { lang: string; texts: DrawnTexts };
		return drawnIn === lang ? texts : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Reads texts back. A text the page was not drawn with comes from `missing` (i18next,
 * once it is here; '' until then).
 */
export function drawnTranslator(drawn: DrawnTexts, missing: (key: string, options?: unknown) => unknown): TFunction {
	return ((key: string, options?: unknown) => {
		const entry = textKey(key, options);
		return entry in drawn ? drawn[entry] : missing(key, options);
	}) as TFunction;
}
