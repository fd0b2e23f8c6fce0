import { describe, expect, test } from 'vitest';
import { foldForMatching, matchesSearch, normaliseForSearch } from '$lib/jobs/search';
import { shownCount } from '$lib/jobs/paging';
import { telHref } from '$lib/jobs/phone';

describe('searching', () => {
	test.each([
		['Aabenraa', 'åbenrå'],
		['Brød og KAGER', 'brød og kager'],
		['  to   mellemrum ', 'to mellemrum']
	])('normaliseForSearch(%j) = %j', (text, expected) => {
		expect(normaliseForSearch(text)).toBe(expected);
	});

	test('old spellings and missing Danish letters still find the municipality', () => {
		expect(foldForMatching('Køge')).toBe(foldForMatching('koge'));
		expect(foldForMatching('Aarhus')).toBe(foldForMatching('århus'));
		expect(foldForMatching('Ærø')).toBe(foldForMatching('aero'));
		expect(foldForMatching('Lyngby-Taarbæk')).toContain(foldForMatching('taarb'));
	});

	test('every typed word must be found', () => {
		expect(matchesSearch('Pak brød i bageren', 'brød bager')).toBe(true);
		expect(matchesSearch('Pak brød i bageren', 'brød lager')).toBe(false);
	});
});

describe('paging and phone numbers', () => {
	test.each([
		[null, 10],
		['abc', 10],
		['5', 10],
		['40', 40],
		['45', 50],
		['100000', 500]
	])('shownCount(%j) = %i', (value, expected) => {
		expect(shownCount(value)).toBe(expected);
	});

	test('a phone number becomes a link a phone can dial', () => {
		expect(telHref('+45 21 43 65 87')).toBe('tel:+4521436587');
	});
});
