import { beforeAll, describe, expect, test } from 'vitest';
import da from '$lib/i18n/locales/da.json';
import en from '$lib/i18n/locales/en.json';
import { loadAllLanguages, translator } from '$lib/i18n/translate';

beforeAll(loadAllLanguages);

function keys(value: unknown, prefix = ''): string[] {
	if (typeof value !== 'object' || value === null) return [prefix];
	return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('interface text', () => {
	test('every key is there in Danish and English', () => {
		expect(keys(en).sort()).toEqual(keys(da).sort());
	});

	test('no text is empty', () => {
		for (const [lang, resource] of [['da', da], ['en', en]] as const) {
			const t = translator(lang);
			for (const key of keys(resource)) expect(String(t(key)).trim(), `${lang} ${key}`).not.toBe('');
		}
	});

	test('a helper is asked about the person, not about "you"', () => {
		const t = translator('da');
		expect(t('form.navn.question')).toBe('Hvad hedder du?');
		expect(t('form.navn.question', { context: 'helper' })).toBe('Hvad hedder personen, der søger?');
	});
});
