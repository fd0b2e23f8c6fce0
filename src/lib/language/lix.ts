/**
 * Readability of Danish text, as the app measures it:
 * LIX = words / sentences + 100 × long words / words, where a long word has more than
 * 6 letters. Below 25 is very easy; our citizen texts stay there. No sentence may
 * have more than 12 words.
 */
export const LIX_LIMIT = 25;
export const SENTENCE_WORD_LIMIT = 12;

/** Sentences end at . ! ? (or Arabic ؟) or : — a text without an end mark is one sentence. */
export function sentences(text: string): string[] {
	return text
		.replace(/\{\{[^}]+\}\}/g, 'X')
		.split(/(?<=[.!?:؟])\s+/)
		.map((sentence) => sentence.trim())
		.filter((sentence) => words(sentence).length > 0);
}

/** Words are runs of letters or digits; "Rema 1000" is two words, "e-mail" one. */
export function words(text: string): string[] {
	return text.replace(/\{\{[^}]+\}\}/g, 'X').match(/[\p{L}\d]+(?:[-'’][\p{L}\d]+)*/gu) ?? [];
}

export function isLongWord(word: string): boolean {
	return [...word.replace(/[-'’]/g, '')].length > 6;
}

export interface Readability {
	lix: number;
	words: number;
	sentences: number;
	longestSentence: { text: string; words: number };
}

/** LIX of a body of texts, each text counted with its own sentences. */
export function readability(texts: string[]): Readability {
	const all = texts.flatMap(sentences);
	const wordList = all.flatMap(words);
	const longest = all.reduce(
		(best, sentence) => (words(sentence).length > best.words ? { text: sentence, words: words(sentence).length } : best),
		{ text: '', words: 0 }
	);
	const lix = wordList.length === 0 ? 0 : wordList.length / Math.max(1, all.length) + (100 * wordList.filter(isLongWord).length) / wordList.length;
	return { lix: Math.round(lix * 10) / 10, words: wordList.length, sentences: all.length, longestSentence: longest };
}

/** Sentences over the limit, with where they come from. */
export function longSentences(texts: { source: string; text: string }[], limit = SENTENCE_WORD_LIMIT) {
	return texts.flatMap(({ source, text }) =>
		sentences(text)
			.filter((sentence) => words(sentence).length > limit)
			.map((sentence) => ({ source, sentence, words: words(sentence).length }))
	);
}
