/**
 * Makes text comparable for search: lower case, and the old spellings people type
 * on keyboards without æ, ø and å ("aa", "ae", "oe") turned into the letters.
 * Used on both the stored text and what the person types, so they always meet.
 */
export function normaliseForSearch(text: string): string {
	return text
		.toLocaleLowerCase('da')
		.replaceAll('aa', 'å')
		.replaceAll('ae', 'æ')
		.replaceAll('oe', 'ø')
		.replace(/\s+/g, ' ')
		.trim();
}

export function searchText(parts: string[]): string {
	return normaliseForSearch(parts.join(' '));
}

/** True when every word the person typed starts a word in the text, or stands in it. */
export function matchesSearch(text: string, query: string): boolean {
	const haystack = normaliseForSearch(text);
	return normaliseForSearch(query)
		.split(' ')
		.filter(Boolean)
		.every((word) => haystack.includes(word));
}

/**
 * A looser form for picking a municipality by its first letters: æ, ø, å and their
 * old spellings all fold to plain letters, so "koge" finds Køge and "arhus" Aarhus.
 */
export function foldForMatching(text: string): string {
	return text
		.toLocaleLowerCase('da')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/aa/g, 'a')
		.replace(/ae|æ/g, 'a')
		.replace(/oe|ø/g, 'o')
		.replace(/å/g, 'a')
		.replace(/[^a-z0-9]/g, '');
}
