import da from '$lib/i18n/locales/da.json';

/**
 * The texts a citizen reads or hears (Danish unless another resource is given): every interface string outside the staff
 * area and the API's messages for programs, plus every posting's title and tasks.
 */
const NOT_FOR_CITIZENS = [/^staff\./, /^errors\.idempotency/, /^errors\.notJson$/, /^errors\.unknownField$/, /^about\.picturesSource$/, /^language\./, /^app\.(name|pageTitle)$/];

export function flatten(value: unknown, prefix = ''): { key: string; text: string }[] {
	if (typeof value === 'string') return [{ key: prefix, text: value }];
	if (typeof value !== 'object' || value === null) return [];
	return Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key));
}

export function citizenInterfaceTexts(resource: unknown = da, lang = 'da'): { source: string; text: string }[] {
	return flatten(resource)
		.filter(({ key }) => !NOT_FOR_CITIZENS.some((pattern) => pattern.test(key)))
		.map(({ key, text }) => ({ source: `${lang}.json ${key}`, text }));
}
