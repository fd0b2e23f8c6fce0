import { z } from 'zod';
import { REGIONS, municipalityByCode } from './municipalities';
import { JOB_TYPE_IDS } from './types';
import { LANGUAGES } from '$lib/i18n/languages';

/** An empty form field means "no filter", not a bad value. */
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const MAX_HOURS_LIMIT = 40;
export const PAGE_SIZE_LIMIT = 500;

export const jobFiltersSchema = z.strictObject({
	municipality: optional(
		z.string().refine((code) => municipalityByCode.has(code), {
			message: 'Unknown municipality code. Use a code like 330 (Slagelse).'
		})
	),
	region: optional(z.enum(REGIONS, { message: `Use one of: ${REGIONS.join(', ')}.` })),
	jobType: optional(z.enum(JOB_TYPE_IDS, { message: `Use one of: ${JOB_TYPE_IDS.join(', ')}.` })),
	maxHours: optional(
		z.coerce
			.number({ message: 'maxHours must be a whole number.' })
			.int({ message: 'maxHours must be a whole number.' })
			.min(1, { message: 'maxHours must be at least 1.' })
			.max(MAX_HOURS_LIMIT, { message: `maxHours must be at most ${MAX_HOURS_LIMIT}.` })
	),
	q: optional(z.string().trim().max(100, { message: 'q must be at most 100 characters.' })),
	lang: optional(z.enum(LANGUAGES, { message: `Use one of: ${LANGUAGES.join(', ')}.` })),
	limit: optional(z.coerce.number().int().min(1).max(PAGE_SIZE_LIMIT)),
	offset: optional(z.coerce.number().int().min(0).max(100_000))
});

export type JobFilters = z.infer<typeof jobFiltersSchema>;

export type FilterErrors = Record<string, string>;

/** Collects each query parameter once; a parameter given twice is an error, not a guess. */
function singleValues(params: URLSearchParams): { values: Record<string, string>; repeated: string[] } {
	const values: Record<string, string> = {};
	const repeated: string[] = [];
	for (const key of new Set(params.keys())) {
		const all = params.getAll(key);
		if (all.length > 1) repeated.push(key);
		values[key] = all[0] ?? '';
	}
	return { values, repeated };
}

/** For the API: every parameter must be known and valid. */
export function parseJobFilters(
	params: URLSearchParams
): { ok: true; filters: JobFilters } | { ok: false; errors: FilterErrors } {
	const { values, repeated } = singleValues(params);
	const errors: FilterErrors = {};
	for (const key of repeated) errors[key] = `Give ${key} only once.`;
	const result = jobFiltersSchema.safeParse(values);
	if (!result.success) {
		for (const issue of result.error.issues) {
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys) errors[key] = 'Unknown parameter.';
			} else {
				errors[String(issue.path[0] ?? 'query')] ??= issue.message;
			}
		}
	}
	if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
	return { ok: true, filters: result.data };
}

/**
 * For pages: links shared on Facebook carry extra parameters, and people edit URLs.
 * Keep every filter that is valid and quietly drop the rest.
 */
export function pageJobFilters(params: URLSearchParams): JobFilters {
	const { values } = singleValues(params);
	const filters: Record<string, unknown> = {};
	const shape = jobFiltersSchema.shape;
	for (const key of ['municipality', 'region', 'jobType', 'maxHours', 'q'] as const) {
		const parsed = shape[key].safeParse(values[key]);
		if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
	}
	return filters as JobFilters;
}

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
