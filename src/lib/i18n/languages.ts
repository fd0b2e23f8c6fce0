export const LANGUAGES = ['da', 'en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

/** Languages written right to left get dir="rtl" on <html>. */
export const RTL_LANGUAGES: readonly Language[] = ['ar'];

/** BCP 47 tags for speech and number formatting. */
export const LANGUAGE_TAGS: Record<Language, string> = { da: 'da-DK', en: 'en-GB', ar: 'ar' };

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function textDirection(lang: Language): 'ltr' | 'rtl' {
	return RTL_LANGUAGES.includes(lang) ? 'rtl' : 'ltr';
}
