import type { TFunction } from 'i18next';
import { drawnTranslator, type DrawnTexts } from './drawn-texts';
import type { Language } from './languages';

/**
 * Translation in the browser. A page drawn on the server starts from the texts it was
 * drawn with; i18next (with the language's texts) follows once the page is up, or at
 * once when a text is needed that the page was not drawn with. Every text that reads
 * the translator is drawn again when i18next arrives, as `translation` is state.
 */
let translation = $state.raw<{ lang: Language; t: TFunction } | undefined>();
let drawn: { lang: Language; t: TFunction } | undefined;
const loading = new Map<Language, Promise<void>>();

export function loadTranslation(lang: Language): Promise<void> {
	if (translation?.lang === lang) return Promise.resolve();
	let promise = loading.get(lang);
	if (!promise) {
		promise = import('./translate').then(async ({ loadLanguage, translator }) => {
			await loadLanguage(lang);
			translation = { lang, t: translator(lang) };
		});
		// A failed download (offline, no copy yet) may be tried again.
		promise.catch(() => loading.delete(lang));
		loading.set(lang, promise);
	}
	return promise;
}

export function startFromDrawnTexts(lang: Language, texts: DrawnTexts): void {
	drawn = { lang, t: drawnTranslator(texts, () => void loadTranslation(lang).catch(() => undefined)) };
}

/** The translator for now: i18next when it is here, else the drawn texts. */
export function currentTranslator(lang: Language): TFunction {
	if (translation?.lang === lang) return translation.t;
	if (drawn?.lang === lang) return drawn.t;
	throw new Error(`Texts for ${lang} are not loaded`);
}
