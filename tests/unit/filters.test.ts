import { describe, expect, test } from 'vitest';
import { jobListHref, pageJobFilters, parseJobFilters } from '$lib/jobs/filters';

const parse = (query: string) => parseJobFilters(new URLSearchParams(query));

describe('parseJobFilters (the API)', () => {
	test.each([
		['', {}],
		['municipality=330', { municipality: '330' }],
		['region=Sjælland', { region: 'Sjælland' }],
		['jobType=car-workshop', { jobType: 'car-workshop' }],
		['maxHours=10', { maxHours: 10 }],
		['q=%20brød%20', { q: 'brød' }],
		['municipality=&jobType=', {}],
		['lang=en&limit=5&offset=10', { lang: 'en', limit: 5, offset: 10 }]
	])('accepts %j', (query, expected) => {
		expect(parse(query)).toEqual({ ok: true, filters: expected });
	});

	test.each([
		['municipality=999', 'municipality'],
		['municipality=abc', 'municipality'],
		['region=Skåne', 'region'],
		['jobType=pilot', 'jobType'],
		['maxHours=0', 'maxHours'],
		['maxHours=41', 'maxHours'],
		['maxHours=ten', 'maxHours'],
		['maxHours=2.5', 'maxHours'],
		[`q=${'a'.repeat(101)}`, 'q'],
		['lang=sv', 'lang'],
		['limit=0', 'limit'],
		['limit=501', 'limit'],
		['offset=-1', 'offset'],
		['colour=red', 'colour'],
		['maxHours=5&maxHours=10', 'maxHours']
	])('rejects %j with a message for %s', (query, field) => {
		const result = parse(query);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(Object.keys(result.errors)).toContain(field);
			expect(result.errors[field]).toMatch(/\w+/);
		}
	});
});

describe('pageJobFilters (links people share)', () => {
	test('keeps valid filters and drops the rest, including tracking parameters', () => {
		const filters = pageJobFilters(
			new URLSearchParams('jobType=retail&maxHours=99&municipality=330&fbclid=abc&vis=40')
		);
		expect(filters).toEqual({ jobType: 'retail', municipality: '330' });
	});
});

describe('jobListHref', () => {
	test('puts every filter in the URL in a fixed order and leaves out empty ones', () => {
		expect(jobListHref({ maxHours: 10, jobType: 'retail', q: '' })).toBe('/job?jobType=retail&maxHours=10');
		expect(jobListHref({})).toBe('/job');
	});

	test('a href made from filters parses back to the same filters', () => {
		const filters = { jobType: 'office', region: 'Nordjylland', maxHours: 15, q: 'kaffe og kage' } as const;
		const href = jobListHref(filters);
		expect(pageJobFilters(new URL(href, 'http://x').searchParams)).toEqual(filters);
	});
});
