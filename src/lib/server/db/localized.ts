import type { Language } from '$lib/i18n/languages';

/** The catalogue text in the person's language, from columns like name_da, name_en, name_ar. */
export function localized(row: Readonly<Record<string, unknown>>, field: string, lang: Language): string {
	const text = row[`${field}_${lang}`];
	// A text not yet translated is shown in Danish rather than as nothing.
	return typeof text === 'string' && text ? text : String(row[`${field}_da`] ?? '');
}
