import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

export const LANGUAGE_COOKIE = 'lang';

/** The chosen language from a Cookie header or document.cookie. */
export function languageFromCookies(cookies: string): Language {
	for (const part of cookies.split(';')) {
		const [name, value] = part.trim().split('=');
		if (name === LANGUAGE_COOKIE && isLanguage(value)) return value;
	}
	return DEFAULT_LANGUAGE;
}
