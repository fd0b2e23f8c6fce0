import { describe, expect, test } from 'vitest';
import { jobListHref, pageJobFilters, PAGE_FILTER_READERS } from '$lib/jobs/filters';
import { parseJobFilters } from '$lib/server/job-filters';

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

describe('the page and the API agree', () => {
	// Pages read filters without zod; the API uses its schema. Same values in, same filters out.
	const tries: Record<keyof typeof PAGE_FILTER_READERS, string[]> = {
		municipality: ['330', '101', '999', '', ' 330', 'abc', '0330'],
		region: ['Sjælland', 'sjælland', 'Skåne', '', 'Nordjylland '],
		jobType: ['retail', 'car-workshop', 'pilot', '', 'Retail'],
		maxHours: ['1', '10', '40', '0', '41', '2.5', 'ten', '', '  ', ' 5 ', '1e1', '0x10', 'Infinity', '-3', '10.0'],
		q: ['brød', '  kaffe  ', '', '   ', 'a'.repeat(100), 'a'.repeat(101), ` ${'a'.repeat(100)} `]
	};
	for (const [key, values] of Object.entries(tries)) {
		test.each(values)(`${key}=%j`, (value) => {
			const api = parseJobFilters(new URLSearchParams({ [key]: value }));
			const fromApi = api.ok ? (api.filters as Record<string, unknown>)[key] : undefined;
			const page = (pageJobFilters(new URLSearchParams({ [key]: value })) as Record<string, unknown>)[key];
			expect(page).toEqual(fromApi === '' ? undefined : fromApi);
		});
	}
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
