import i18next, { type Resource, type TFunction } from 'i18next';
import da from './locales/da.json';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages';

/**
 * Danish is always there (it is the fallback); another language's texts are fetched
 * only when a person chooses it, so a phone downloads one language, not three.
 * In the browser this module (i18next and the texts) is loaded when the page is up:
 * see client-translation.svelte.ts.
 */
const resources: Partial<Record<Language, Resource[string]>> = { da };
const loaders: Record<Exclude<Language, 'da'>, () => Promise<{ default: Resource[string] }>> = {
	en: () => import('./locales/en.json'),
	ar: () => import('./locales/ar.json')
};

export async function loadLanguage(lang: Language): Promise<void> {
	if (lang !== 'da' && !resources[lang]) resources[lang] = (await loaders[lang]()).default;
}

/** The server speaks every language: it loads them all once, at start. */
export async function loadAllLanguages(): Promise<void> {
	await Promise.all(LANGUAGES.map(loadLanguage));
}

const translators = new Map<Language, TFunction>();

/** One i18next instance per language, made once: translation is then a pure lookup. */
export function translator(lang: Language): TFunction {
	// Not loaded (yet): Danish, rather than keys.
	if (!resources[lang]) lang = DEFAULT_LANGUAGE;
	let t = translators.get(lang);
	if (!t) {
		const instance = i18next.createInstance();
		instance.init({
			lng: lang,
			fallbackLng: DEFAULT_LANGUAGE,
			resources: { [lang]: { translation: resources[lang]! }, da: { translation: da } },
			initAsync: false,
			interpolation: { escapeValue: false },
			returnNull: false
		});
		t = instance.t.bind(instance) as TFunction;
		translators.set(lang, t);
	}
	return t;
}
