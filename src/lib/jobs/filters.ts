import { REGIONS, municipalityByCode, type Region } from './municipalities';
import { JOB_TYPE_IDS, type JobTypeId } from './types';
import type { Language } from '$lib/i18n/languages';

/**
 * The job list's filters. Kept free of zod: the job list is the page phones open most,
 * and it should not download a validation library. The API checks the same rules with
 * its zod schema (`$lib/server/job-filters`); a unit test holds the two together.
 */
export interface JobFilters {
	municipality?: string;
	region?: Region;
	jobType?: JobTypeId;
	maxHours?: number;
	q?: string;
	lang?: Language;
	limit?: number;
	offset?: number;
}

export const MAX_HOURS_LIMIT = 40;
export const PAGE_SIZE_LIMIT = 500;
export const MAX_SEARCH_LENGTH = 100;

const oneOf = <T extends string>(values: readonly T[]) => (value: string) =>
	(values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads one filter a page shows, or undefined when the value is not valid. */
export const PAGE_FILTER_READERS = {
	municipality: (value: string) => (municipalityByCode.has(value) ? value : undefined),
	region: oneOf(REGIONS),
	jobType: oneOf(JOB_TYPE_IDS),
	maxHours: (value: string) => {
		const hours = value.trim() === '' ? NaN : Number(value);
		return Number.isInteger(hours) && hours >= 1 && hours <= MAX_HOURS_LIMIT ? hours : undefined;
	},
	q: (value: string) => {
		const words = value.trim();
		return words !== '' && words.length <= MAX_SEARCH_LENGTH ? words : undefined;
	}
} satisfies { [K in keyof JobFilters]?: (value: string) => JobFilters[K] };

/**
 * For pages: links shared on Facebook carry extra parameters, and people edit URLs.
 * Keep every filter that is valid (the first, if one is given twice) and quietly drop the rest.
 */
export function pageJobFilters(params: URLSearchParams): JobFilters {
	const filters: Record<string, unknown> = {};
	for (const [key, read] of Object.entries(PAGE_FILTER_READERS)) {
		const given = params.get(key);
		const value = given === null ? undefined : read(given);
		if (value !== undefined) filters[key] = value;
	}
	return filters as JobFilters;
}

/**
 * "Hele Danmark" chosen in the list: a plain /job looks the same as a first visit, so the
 * choice says so (?sted=alle). The phone's copy of postings then forgets a region chosen
 * before and holds the whole country again.
 */
export const WHOLE_COUNTRY_PARAM = 'sted';
export const WHOLE_COUNTRY_VALUE = 'alle';

/** The URL of the job list for these filters: the filter state lives in the URL. */
export function jobListHref(filters: Partial<JobFilters>, base = '/job'): string {
	const params = new URLSearchParams();
	for (const key of ['jobType', 'municipality', 'region', 'maxHours', 'q'] as const) {
		const value = filters[key];
		if (value !== undefined && value !== '') params.set(key, String(value));
	}
	const query = params.toString();
	return query ? `${base}?${query}` : base;
}
