import '$lib/zod-config';
import { z } from 'zod';

/**
 * The audit log page's query: who, what, when and which application, and the page. It lives
 * in the page's URL (a GET form); messages are i18n keys.
 */

/** Every action the app writes to the log. The page names each in Danish; others are shown as they are. */
export const AUDIT_ACTIONS = [
	'sign-in',
	'sign-in-failed',
	'sign-out',
	'list-applications',
	'search-applications',
	'read-application',
	'read-refused-forbidden',
	'read-refused-not-found',
	'play-voice-message',
	'change-status',
	'change-refused-forbidden',
	'change-refused-not-found',
	'list-follow-ups',
	'create-posting',
	'edit-posting',
	'posting-status',
	'export-figures',
	'create-account',
	'create-account-cli',
	'disable-account',
	'enable-account',
	'retention-delete',
	'audit-log-read',
	'sign-in-refused',
	'sign-in-password',
	'sign-in-code-failed',
	'sign-in-code-refused',
	'password-change',
	'two-factor-on',
	'recovery-codes-new',
	'reset-two-factor',
	'reset-two-factor-cli',
	'reset-password',
	'withdraw',
	'erase',
	'erase-refused-forbidden',
	'erase-refused-not-found'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isKnownAction(action: string): action is AuditAction {
	return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** Lines the app wrote itself (the retention job, the command line) have no staff member: "hvem=system". */
export const SYSTEM = 'system';
export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE = 100_000;
const FIRST_DATE = '2020-01-01';
const LAST_DATE = '2099-12-31';

export interface AuditLogQuery {
	staffId?: string;
	action?: string;
	from?: string;
	to?: string;
	reference?: string;
	page: number;
}

/** The page's URL speaks Danish. */
export const AUDIT_PARAMS = {
	staffId: 'hvem',
	action: 'hvad',
	from: 'fra',
	to: 'til',
	reference: 'ansoegning',
	page: 'side'
} as const satisfies Record<keyof AuditLogQuery, string>;

/** An empty form field means "not chosen", not a bad value. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** A real calendar day, written as the date field writes it. */
const day = (key: string) =>
	z
		.string({ message: key })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { message: key })
		.refine((value) => {
			const date = new Date(`${value}T00:00:00Z`);
			return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= FIRST_DATE && value <= LAST_DATE;
		}, { message: key });

const querySchema = z.object({
	staffId: optional(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { message: 'staff.log.errors.staff' })),
	action: optional(z.string().regex(/^[a-z0-9-]{1,64}$/, { message: 'staff.log.errors.action' })),
	from: optional(day('staff.log.errors.from')),
	to: optional(day('staff.log.errors.to')),
	reference: optional(
		z
			.string()
			.trim()
			.regex(/^[A-Za-z0-9-]{1,20}$/, { message: 'staff.log.errors.reference' })
			.transform((value) => value.toUpperCase())
	),
	page: optional(z.coerce.number({ message: 'staff.log.errors.page' }).int({ message: 'staff.log.errors.page' }).min(1, { message: 'staff.log.errors.page' }).max(MAX_PAGE, { message: 'staff.log.errors.page' }))
});

export type AuditLogParse = { ok: true; query: AuditLogQuery } | { ok: false; error: string };

/** Reads the page's query; the first problem is what the page says (as an i18n key). */
export function parseAuditLogQuery(params: URLSearchParams): AuditLogParse {
	const values: Record<string, string> = {};
	for (const [field, name] of Object.entries(AUDIT_PARAMS)) {
		const given = params.get(name);
		if (given !== null) values[field] = given;
	}
	const result = querySchema.safeParse(values);
	if (!result.success) return { ok: false, error: result.error.issues[0]?.message ?? 'staff.log.errors.query' };
	const { page, ...rest } = result.data;
	if (rest.from && rest.to && rest.from > rest.to) return { ok: false, error: 'staff.log.errors.order' };
	const query: AuditLogQuery = { page: page ?? 1 };
	for (const [key, value] of Object.entries(rest)) if (value !== undefined) query[key as Exclude<keyof AuditLogQuery, 'page'>] = value;
	return { ok: true, query };
}

/** The page's own link for a query, with some parts changed: paging keeps the filters. */
export function auditLogHref(query: AuditLogQuery, change: Partial<AuditLogQuery> = {}, base = '/personale/log'): string {
	const next = { ...query, ...change };
	const params = new URLSearchParams();
	for (const [field, name] of Object.entries(AUDIT_PARAMS)) {
		const value = next[field as keyof AuditLogQuery];
		if (value === undefined || (field === 'page' && value === 1)) continue;
		params.set(name, String(value));
	}
	const search = params.toString();
	return search ? `${base}?${search}` : base;
}

/** What the log of a read of the log keeps: the filters, never anything personal (a reference is not). */
export function describeAuditLogQuery(query: AuditLogQuery): string {
	const parts = Object.entries(AUDIT_PARAMS)
		.filter(([field]) => query[field as keyof AuditLogQuery] !== undefined && !(field === 'page' && query.page === 1))
		.map(([field, name]) => `${name}=${query[field as keyof AuditLogQuery]}`);
	return parts.join(' ');
}
