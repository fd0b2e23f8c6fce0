import { describe, expect, test } from 'vitest';
import { safeReturnPath } from '$lib/i18n/return-path';

describe('the way back after a language change', () => {
	test.each(['/', '/job', '/job/p0001?q=bager#top', '/ansog/p0001', '/status/abc-def'])('%s is a path on this site and kept', (path) => {
		expect(safeReturnPath(path)).toBe(path);
	});

	test.each([
		'//evil.example',
		'//evil.example/job',
		'/\\evil.example',
		'\\\\evil.example',
		'\\/evil.example',
		'https://evil.example/',
		'http:evil.example',
		'javascript:alert(1)',
		'evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/%0a\u0000',
		'/job\r\nSet-Cookie: x=1',
		''
	])('%j goes to the front page', (value) => {
		expect(safeReturnPath(value)).toBe('/');
	});

	test('a missing or non-text value goes to the front page', () => {
		expect(safeReturnPath(null)).toBe('/');
		expect(safeReturnPath(undefined)).toBe('/');
		expect(safeReturnPath(new Blob(['/job']))).toBe('/');
		expect(safeReturnPath('/' + 'a'.repeat(3000))).toBe('/');
	});
});
