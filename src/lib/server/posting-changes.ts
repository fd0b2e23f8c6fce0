import '$lib/zod-config';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { jobsByIds } from './jobs';
import { databaseNow } from './db/clock';
import { REGIONS, type Region } from '$lib/jobs/municipalities';
import { LANGUAGES, type Language } from '$lib/i18n/languages';
import { CHANGES_PAGE_LIMIT, type PostingChanges } from '$lib/jobs/changes';

/** A cursor is "time" (after everything changed then) or "time|id" (after that posting). */
const CURSOR = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z(\|[A-Za-z0-9-]{1,64})?$/;
const ID = /^[A-Za-z0-9-]{1,64}$/;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const changesQuerySchema = z
	.strictObject({
		since: optional(z.string().regex(CURSOR, { message: 'since must be a cursor from an earlier answer.' })),
		after: optional(z.string().regex(ID, { message: 'after must be a posting id from an earlier answer.' })),
		region: optional(z.enum(REGIONS, { message: `Use one of: ${REGIONS.join(', ')}.` })),
		lang: optional(z.enum(LANGUAGES, { message: `Use one of: ${LANGUAGES.join(', ')}.` })),
		limit: optional(
			z.coerce
				.number({ message: `limit must be a whole number from 1 to ${CHANGES_PAGE_LIMIT}.` })
				.int({ message: `limit must be a whole number from 1 to ${CHANGES_PAGE_LIMIT}.` })
				.min(1, { message: `limit must be a whole number from 1 to ${CHANGES_PAGE_LIMIT}.` })
				.max(CHANGES_PAGE_LIMIT, { message: `limit must be a whole number from 1 to ${CHANGES_PAGE_LIMIT}.` })
		)
	})
	.refine((query) => !(query.since && query.after), { message: 'Give since (a refresh) or after (a first copy), not both.', path: ['after'] });

export type ChangesQuery = z.infer<typeof changesQuerySchema>;

export function parseChangesQuery(params: URLSearchParams): { ok: true; query: ChangesQuery } | { ok: false; errors: Record<string, string> } {
	const values: Record<string, string> = {};
	const errors: Record<string, string> = {};
	for (const key of new Set(params.keys())) {
		if (params.getAll(key).length > 1) errors[key] = `Give ${key} only once.`;
		values[key] = params.get(key) ?? '';
	}
	const result = changesQuerySchema.safeParse(values);
	if (!result.success) {
		for (const issue of result.error.issues) {
			if (issue.code === 'unrecognized_keys') for (const key of issue.keys) errors[key] = 'Unknown parameter.';
			else errors[String(issue.path[0] ?? 'query')] ??= issue.message;
		}
	}
	if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
	return { ok: true, query: result.data };
}

function cursorOf(row: { updated_at: string; id: string }): string {
	return `${row.updated_at}|${row.id}`;
}

/**
 * A change is given out only once it is this old. Its time is taken (on the database's
 * clock, as is this one) before its transaction commits: a cursor must never pass a change
 * not yet visible.
 */
export const SETTLE_MS = 2_000;

/** The first copy, or the changes since a cursor; see src/lib/jobs/changes.ts. */
export async function postingChanges(db: Kysely<Database>, query: ChangesQuery, { now, settleMs = SETTLE_MS }: { now?: number; settleMs?: number } = {}): Promise<PostingChanges> {
	const lang: Language = query.lang ?? 'da';
	const limit = query.limit ?? CHANGES_PAGE_LIMIT;
	const settled = new Date((now ?? Date.parse(await databaseNow(db))) - settleMs).toISOString();
	return query.since === undefined
		? firstCopy(db, query.region, query.after, limit, lang, settled)
		: changesSince(db, query.since, query.region, limit, lang, settled);
}

async function firstCopy(db: Kysely<Database>, region: Region | undefined, after: string | undefined, limit: number, lang: Language, settled: string): Promise<PostingChanges> {
	// Taken before the page is read and never past a change still settling: a refresh from
	// here sees whatever changes meanwhile (a few are given twice, which does no harm).
	const mark = await db.selectFrom('postings').select((eb) => eb.fn.max('updated_at').as('last')).executeTakeFirst();
	const last = mark?.last ? String(mark.last) : undefined;
	let rows = db
		.selectFrom('postings')
		.innerJoin('municipalities', 'municipalities.code', 'postings.municipality_code')
		.select('postings.id')
		.where('postings.status', '=', 'live');
	if (region) rows = rows.where('municipalities.region', '=', region);
	if (after) rows = rows.where('postings.id', '>', after);
	const ids = (await rows.orderBy('postings.id').limit(limit).execute()).map((row) => row.id);
	return {
		changed: await jobsByIds(db, ids, lang),
		removed: [],
		elsewhere: [],
		cursor: last && last < settled ? last : settled,
		...(ids.length === limit ? { next: ids.at(-1) } : {})
	};
}

async function changesSince(db: Kysely<Database>, since: string, region: Region | undefined, limit: number, lang: Language, settled: string): Promise<PostingChanges> {
	const [time, id] = since.split('|') as [string, string | undefined];
	const rows = await db
		.selectFrom('postings')
		.innerJoin('municipalities', 'municipalities.code', 'postings.municipality_code')
		.select(['postings.id', 'postings.status', 'postings.updated_at', 'municipalities.region'])
		.where((eb) =>
			id === undefined
				? eb('postings.updated_at', '>', time)
				: eb.or([eb('postings.updated_at', '>', time), eb.and([eb('postings.updated_at', '=', time), eb('postings.id', '>', id)])])
		)
		// Not past a change still settling (see SETTLE_MS).
		.where('postings.updated_at', '<=', settled)
		.orderBy('postings.updated_at')
		.orderBy('postings.id')
		.limit(limit)
		.execute();
	const changed: string[] = [];
	const removed: string[] = [];
	const elsewhere: string[] = [];
	for (const row of rows) {
		if (row.status !== 'live') removed.push(row.id);
		else if (region && row.region !== region) elsewhere.push(row.id);
		else changed.push(row.id);
	}
	const jobs = await jobsByIds(db, changed, lang);
	// Paused between the two reads: it comes as removed at the next refresh, as its time moved.
	const last = rows.at(-1);
	return {
		changed: jobs,
		removed,
		elsewhere,
		cursor: last ? cursorOf(last) : since,
		...(rows.length === limit && last ? { next: cursorOf(last) } : {})
	};
}

