import '$lib/zod-config';
import { z } from 'zod';
import { municipalityByCode } from '$lib/jobs/municipalities';
import { JOB_TYPE_IDS } from '$lib/jobs/types';
import { MAX_SEARCH_LENGTH } from '$lib/jobs/filters';

/** Staff see postings 50 at a time. */
export const STAFF_POSTINGS_PAGE_SIZE = 50;
/** Staff filter on what a posting is now; a closed posting is found through "all". */
export const LISTED_STATUSES = ['live', 'paused', 'closed'] as const;

/** An empty form field means "no filter". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The list's query in the URL (a GET form); messages are i18n keys. */
export const staffPostingsQuerySchema = z.object({
	q: optional(z.string().trim().max(MAX_SEARCH_LENGTH, { message: 'staff.postings.errors.search' })),
	kommune: optional(z.string().refine((code) => municipalityByCode.has(code), { message: 'staff.postings.errors.municipality' })),
	type: optional(z.enum(JOB_TYPE_IDS, { message: 'staff.postings.errors.jobType' })),
	status: optional(z.enum(LISTED_STATUSES, { message: 'staff.postings.errors.status' })),
	side: optional(z.coerce.number({ message: 'staff.postings.errors.page' }).int({ message: 'staff.postings.errors.page' }).min(1, { message: 'staff.postings.errors.page' }).max(100_000, { message: 'staff.postings.errors.page' }))
});

export type StaffPostingsQuery = z.infer<typeof staffPostingsQuerySchema>;

export function parseStaffPostingsQuery(params: URLSearchParams): { ok: true; query: StaffPostingsQuery } | { ok: false; message: string } {
	const values: Record<string, string> = {};
	for (const key of Object.keys(staffPostingsQuerySchema.shape)) {
		const value = params.get(key);
		if (value !== null) values[key] = value;
	}
	const result = staffPostingsQuerySchema.safeParse(values);
	if (!result.success) return { ok: false, message: result.error.issues[0]?.message ?? 'staff.postings.errors.page' };
	return { ok: true, query: result.data };
}

/** The same filters on another page, for the pager's links. */
export function staffPostingsHref(query: StaffPostingsQuery, page: number): string {
	const params = new URLSearchParams();
	for (const key of ['q', 'kommune', 'type', 'status'] as const) {
		const value = query[key];
		if (value) params.set(key, value);
	}
	if (page > 1) params.set('side', String(page));
	const search = params.toString();
	return `/personale/opslag${search ? `?${search}` : ''}`;
}
