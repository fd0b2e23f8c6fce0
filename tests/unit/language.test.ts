import { describe, expect, test } from 'vitest';
import { isLongWord, LIX_LIMIT, longSentences, readability, sentences, words } from '$lib/language/lix';
import { citizenInterfaceTexts } from '$lib/language/citizen-texts';

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
