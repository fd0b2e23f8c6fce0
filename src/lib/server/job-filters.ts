import { z } from 'zod';
import { REGIONS, municipalityByCode } from '$lib/jobs/municipalities';
import { JOB_TYPE_IDS } from '$lib/jobs/types';
import { LANGUAGES } from '$lib/i18n/languages';
import { MAX_HOURS_LIMIT, MAX_SEARCH_LENGTH, PAGE_SIZE_LIMIT, type JobFilters } from '$lib/jobs/filters';

/** An empty form field means "no filter", not a bad value. */
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The API's query: every parameter must be known and valid, with a message for each that is not. */
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
	q: optional(
		z
			.string()
			.trim()
			.max(MAX_SEARCH_LENGTH, { message: `q must be at most ${MAX_SEARCH_LENGTH} characters.` })
	),
	lang: optional(z.enum(LANGUAGES, { message: `Use one of: ${LANGUAGES.join(', ')}.` })),
	limit: optional(z.coerce.number().int().min(1).max(PAGE_SIZE_LIMIT)),
	offset: optional(z.coerce.number().int().min(0).max(100_000))
});

// The schema's result is exactly the filters the rest of the app knows.
const sameShape: [z.infer<typeof jobFiltersSchema>, JobFilters] extends [JobFilters, z.infer<typeof jobFiltersSchema>]
	? true
	: never = true;
void sameShape;

export type FilterErrors = Record<string, string>;

export function parseJobFilters(
	params: URLSearchParams
): { ok: true; filters: JobFilters } | { ok: false; errors: FilterErrors } {
	const values: Record<string, string> = {};
	const errors: FilterErrors = {};
	for (const key of new Set(params.keys())) {
		const all = params.getAll(key);
		// Given twice is an error, not a guess.
		if (all.length > 1) errors[key] = `Give ${key} only once.`;
		values[key] = all[0] ?? '';
	}
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
