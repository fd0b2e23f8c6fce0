import da from '$lib/i18n/locales/da.json';

/**
 * The Danish texts a citizen reads or hears: every interface string outside the staff
 * area and the API's messages for programs, plus every posting's title and tasks.
 */
const NOT_FOR_CITIZENS = [/^staff\./, /^errors\.idempotency/, /^errors\.notJson$/, /^errors\.unknownField$/, /^about\.picturesSource$/, /^language\./, /^app\.(name|pageTitle)$/];

export function flatten(value: unknown, prefix = ''): { key: string; text: string }[] {
	if (typeof value === 'string') return [{ key: prefix, text: value }];
	if (typeof value !== 'object' || value === null) return [];
	return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

export function citizenInterfaceTexts(): { source: string; text: string }[] {
	return flatten(da)
		.filter(({ key }) => !NOT_FOR_CITIZENS.some((pattern) => pattern.test(key)))
		.map(({ key, text }) => ({ source: `da.json ${key}`, text }));
}
