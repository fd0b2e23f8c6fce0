import { describe, expect, test } from 'vitest';
import { isLongWord, LIX_LIMIT, longSentences, readability, sentences, words } from '$lib/language/lix';
import { citizenInterfaceTexts } from '$lib/language/citizen-texts';
import { missingKeys } from '$lib/language/keys';
import { splitSentences, withFullStop } from '$lib/speech/sentences';
import daTexts from '$lib/i18n/locales/da.json';
import enTexts from '$lib/i18n/locales/en.json';
import arTexts from '$lib/i18n/locales/ar.json';

describe('LIX and sentence length', () => {
	test('counts words, sentences and long words as LIX defines them', () => {
		expect(words('Pak brød i bageren. Rema 1000 har job!')).toEqual(['Pak', 'brød', 'i', 'bageren', 'Rema', '1000', 'har', 'job']);
		expect(sentences('Pak brød. Tøm skraldespande! Hvem kan få jobbet?')).toHaveLength(3);
		expect(isLongWord('skraldespande')).toBe(true);
		expect(isLongWord('bageren')).toBe(true);
		expect(isLongWord('butik')).toBe(false);
		// 4 words / 1 sentence + 100 × 1 long word / 4 words = 29
		expect(readability(['Pak brød i bageren.']).lix).toBe(29);
	});

	test("the seed's original posting is hard; the app's version is easy", () => {
		const original =
			'Har du lyst til at arbejde som butiksmedhjælper i bageren hos Bilka i Slagelse, så er det måske lige dig, vi har brug for. Det er en forudsætning for at kunne komme i betragtning til jobbet, at man er tilkendt førtidspension.';
		const easy = ['Pak brød i bageren.', 'Bilka i Slagelse.', '9 timer om ugen.', 'Pakke brød og kager.', 'Tømme skraldespande.', 'Du skal have førtidspension.'];
		expect(readability([original]).lix).toBeGreaterThan(LIX_LIMIT);
		expect(readability(easy).lix).toBeLessThanOrEqual(LIX_LIMIT + 15);
		expect(longSentences([{ source: 'seed', text: original }])).toHaveLength(2);
	});

	test('a sentence of 13 words fails, one of 12 passes', () => {
		const twelve = 'en to tre fire fem seks syv otte ni ti elleve tolv.';
		const thirteen = 'en to tre fire fem seks syv otte ni ti elleve tolv tretten.';
		expect(longSentences([{ source: 'a', text: twelve }])).toEqual([]);
		expect(longSentences([{ source: 'b', text: thirteen }])).toEqual([{ source: 'b', sentence: thirteen, words: 13 }]);
	});

	test('placeholders count as one word', () => {
		expect(words('Ring til {{name}} nu.')).toEqual(['Ring', 'til', 'X', 'nu']);
	});

	test('every citizen interface text keeps to 12 words a sentence', () => {
		expect(longSentences(citizenInterfaceTexts())).toEqual([]);
	});
});

describe('keys in every language', () => {
	test('a key missing in one language is named', () => {
		expect(missingKeys({ da: { a: 'A', b: 'B' }, en: { a: 'A' } })).toEqual(['en.json lacks b (in da.json).']);
	});

	test('plural keys compare by base, and each language needs its own plural forms', () => {
		const da = { jobs_one: '{{count}} job', jobs_other: '{{count}} job' };
		const arComplete = Object.fromEntries(['zero', 'one', 'two', 'few', 'many', 'other'].map((form) => [`jobs_${form}`, 'x']));
		expect(missingKeys({ da, ar: arComplete })).toEqual([]);
		const { jobs_few: _few, ...arWithoutFew } = arComplete;
		expect(missingKeys({ da, ar: arWithoutFew })).toEqual(['ar.json lacks jobs_few (a plural form ar uses).']);
		expect(missingKeys({ da, ar: { other: 'x' } })).toContain('ar.json lacks jobs (plural, in da.json).');
	});

	test('the app has every key in Danish, English and Arabic', () => {
		expect(missingKeys({ da: daTexts, en: enTexts, ar: arTexts })).toEqual([]);
	});

	test('English and Arabic interface texts keep to 12 words a sentence', () => {
		expect(longSentences([...citizenInterfaceTexts(enTexts, 'en'), ...citizenInterfaceTexts(arTexts, 'ar')])).toEqual([]);
	});
});

describe('read-aloud sentences', () => {
	test('split at end marks and line breaks, with their place in the text', () => {
		expect(splitSentences('Pak brød.  Tøm skraldespande!\nBilka Slagelse')).toEqual([
			{ text: 'Pak brød.', start: 0, end: 9 },
			{ text: 'Tøm skraldespande!', start: 11, end: 29 },
			{ text: 'Bilka Slagelse', start: 30, end: 44 }
		]);
		expect(splitSentences('هل تحب هذا؟ نعم.').map((s) => s.text)).toEqual(['هل تحب هذا؟', 'نعم.']);
		expect(splitSentences(' … ')).toEqual([]);
	});

	test('a line without an end mark gets a full stop, so the voice pauses', () => {
		expect(withFullStop('9 timer om ugen')).toBe('9 timer om ugen.');
		expect(withFullStop('Det skal du lave:')).toBe('Det skal du lave:');
	});
});
