import '$lib/zod-config';
import { z } from 'zod';
import { municipalityByCode } from '$lib/jobs/municipalities';
import { STATUSES, type Status } from './path';

/**
 * The staff queue's query: filters, search, sort and page. The page keeps it in its URL
 * (Danish names, a GET form) and the API takes it as query parameters (English names);
 * both read it with one schema. Messages are i18n keys.
 */

/** Applications that wait for staff: who waited longest comes first. */
export const WAITING_STATUSES = ['received', 'more-info', 'screened'] as const satisfies readonly Status[];
export const STATUS_CHOICES = ['waiting', 'all', ...STATUSES] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];
export const SORTS = ['oldest', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export const QUEUE_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const MAX_SEARCH_LENGTH = 100;
const MAX_PAGE = 100_000;

export interface QueueQuery {
	status: StatusChoice;
	sort: Sort;
	page: number;
	pageSize: number;
	municipality?: string;
	posting?: string;
	q?: string;
}

/** An empty form field means "not chosen", not a bad value. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const whole = (min: number, max: number, key: string) =>
	optional(z.coerce.number({ message: key }).int({ message: key }).min(min, { message: key }).max(max, { message: key }));

const querySchema = z.object({
	municipality: optional(z.string().refine((code) => municipalityByCode.has(code), { message: 'staff.queue.errors.municipality' })),
	status: optional(z.enum(STATUS_CHOICES, { message: 'staff.queue.errors.status' })),
	posting: optional(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { message: 'staff.queue.errors.posting' })),
	q: optional(z.string().trim().max(MAX_SEARCH_LENGTH, { message: 'staff.queue.errors.search' })),
	sort: optional(z.enum(SORTS, { message: 'staff.queue.errors.sort' })),
	page: whole(1, MAX_PAGE, 'staff.queue.errors.page'),
	size: whole(1, MAX_PAGE_SIZE, 'staff.queue.errors.size')
});
type Field = keyof typeof querySchema.shape;

/** The page's URL speaks Danish; the API English. */
export const PAGE_PARAMS: Record<Field, string> = {
	municipality: 'kommune',
	status: 'status',
	posting: 'opslag',
	q: 'soeg',
	sort: 'sortering',
	page: 'side',
	size: 'antal'
};
export const API_PARAMS: Record<Field, string> = {
	municipality: 'municipality',
	status: 'status',
	posting: 'posting',
	q: 'q',
	sort: 'sort',
	page: 'page',
	size: 'size'
};

export function isWaiting(status: StatusChoice): boolean {
	return status === 'waiting' || (WAITING_STATUSES as readonly string[]).includes(status);
}

export type QueueParse = { ok: true; query: QueueQuery } | { ok: false; errors: Record<string, string> };

/**
 * Reads the query. Without a status the queue shows who waits, and a search looks
 * through every status. Without a sort, waiting applications come oldest first, others newest.
 * `strict` (the API) refuses unknown parameters and parameters given twice.
 */
export function parseQueueQuery(params: URLSearchParams, names: Record<Field, string>, strict = false): QueueParse {
	const errors: Record<string, string> = {};
	const values: Record<string, string> = {};
	const known = new Set(Object.values(names));
	for (const [field, name] of Object.entries(names)) {
		const all = params.getAll(name);
		if (all.length > 1 && strict) errors[name] = 'staff.queue.errors.twice';
		if (all.length > 0) values[field] = all[0]!;
	}
	if (strict) for (const name of params.keys()) if (!known.has(name)) errors[name] = 'staff.queue.errors.unknown';
	const result = querySchema.safeParse(values);
	if (!result.success) {
		for (const issue of result.error.issues) {
			const name = names[issue.path[0] as Field] ?? String(issue.path[0]);
			errors[name] ??= issue.message;
		}
	}
	if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
	const { status: given, sort, page, size, ...rest } = result.data;
	const status: StatusChoice = given ?? (rest.q ? 'all' : 'waiting');
	return {
		ok: true,
		query: {
			...rest,
			status,
			sort: sort ?? (isWaiting(status) ? 'oldest' : 'newest'),
			page: page ?? 1,
			pageSize: size ?? QUEUE_PAGE_SIZE
		}
	};
}

/** The page's own link for a query, with some parts changed: paging and the sort switch keep the rest. */
export function queueHref(query: QueueQuery, change: Partial<QueueQuery> = {}, base = '/personale'): string {
	const next = { ...query, ...change };
	const params = new URLSearchParams();
	if (next.q) params.set(PAGE_PARAMS.q, next.q);
	if (next.municipality) params.set(PAGE_PARAMS.municipality, next.municipality);
	if (next.status !== (next.q ? 'all' : 'waiting')) params.set(PAGE_PARAMS.status, next.status);
	if (next.posting) params.set(PAGE_PARAMS.posting, next.posting);
	if (next.sort !== (isWaiting(next.status) ? 'oldest' : 'newest')) params.set(PAGE_PARAMS.sort, next.sort);
	if (next.page > 1) params.set(PAGE_PARAMS.page, String(next.page));
	const search = params.toString();
	return search ? `${base}?${search}` : base;
}

/** What kind of term a staff member typed in the one search box. */
export type SearchKind = 'reference' | 'phone' | 'name';
