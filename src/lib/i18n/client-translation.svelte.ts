import type { TFunction } from 'i18next';
import { drawnTranslator, type DrawnTexts } from './drawn-texts';
import type { Language } from './languages';

/**
 * Translation in the browser. A page drawn on the server starts from the texts it was
 * drawn with; i18next (with the language's texts) is loaded at the person's first tap or
 * key (src/routes/+layout.ts), at once when a text is needed that the page was not drawn
 * with, and before the next page.
 *
 * The translator never changes: a text the page was drawn with is read back as it is,
 * with no reactive dependency, so nothing on the page is drawn again when i18next
 * arrives (on a slow phone that was over a second of work). Only a text missing from
 * the drawn set reads i18next's arrival, and is drawn again when it comes.
 */
let arrived = $state.raw<{ lang: Language; t: TFunction } | undefined>();
let drawn: { lang: Language; texts: DrawnTexts } | undefined;
const loading = new Map<Language, Promise<void>>();
const translators = new Map<Language, TFunction>();

export function loadTranslation(lang: Language): Promise<void> {
	if (arrived?.lang === lang) return Promise.resolve();
	let promise = loading.get(lang);
	if (!promise) {
		promise = import('./translate').then(async ({ loadLanguage, translator }) => {
			await loadLanguage(lang);
			arrived = { lang, t: translator(lang) };
		});
		// A failed download (offline, no copy yet) may be tried again.
		promise.catch(() => loading.delete(lang));
		loading.set(lang, promise);
	}
	return promise;
}

export function startFromDrawnTexts(lang: Language, texts: DrawnTexts): void {
	drawn = { lang, texts };
	translators.delete(lang);
}

/** The translator for a language: the same function for the life of the page. */
export function currentTranslator(lang: Language): TFunction {
	let t = translators.get(lang);
	if (!t) {
		t = drawnTranslator(drawn?.lang === lang ? drawn.texts : {}, (key, options) => {
			const translation = arrived;
			if (translation?.lang === lang) return (translation.t as (key: string, options?: unknown) => unknown)(key, options);
			void loadTranslation(lang).catch(() => undefined);
			return '';
		});
		translators.set(lang, t);
	}
	return t;
}
