import { LANGUAGE_TAGS, type Language } from './languages';

/** How dates are said: "tirsdag 24. november" to citizens (easy Danish), short dates in staff tables. */
const STYLES = {
	spoken: { weekday: 'long', day: 'numeric', month: 'long' },
	long: { day: 'numeric', month: 'long', year: 'numeric' },
	short: {}
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export function formatDate(date: string | number, lang: Language, style: keyof typeof STYLES = 'short'): string {
	return new Date(date).toLocaleDateString(LANGUAGE_TAGS[lang], STYLES[style]);
}
