import i18next, { type TFunction } from 'i18next';
import { getContext, setContext } from 'svelte';
import da from './locales/da.json';
import en from './locales/en.json';
import ar from './locales/ar.json';
import { DEFAULT_LANGUAGE, type Language } from './languages';

export * from './languages';

export const resources = { da: { translation: da }, en: { translation: en }, ar: { translation: ar } } as const;

const translators = new Map<Language, TFunction>();

/** One i18next instance per language, made once: translation is then a pure lookup. */
export function translator(lang: Language): TFunction {
	let t = translators.get(lang);
	if (!t) {
		const instance = i18next.createInstance();
		instance.init({
			lng: lang,
			fallbackLng: DEFAULT_LANGUAGE,
			resources,
			initAsync: false,
			interpolation: { escapeValue: false },
			returnNull: false
		});
		t = instance.t.bind(instance) as TFunction;
		translators.set(lang, t);
	}
	return t;
}

export interface I18n {
	lang: Language;
	t: TFunction;
}

const KEY = Symbol('i18n');

export function setI18n(i18n: I18n): void {
	setContext(KEY, i18n);
}

export function getI18n(): I18n {
	return getContext<I18n>(KEY);
}
