import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { onPostgres } from './db/clock';
import type { Database } from './db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { WAITING_STATUSES, type QueueQuery, type SearchKind } from '$lib/staff/queue';
import { nameKey, phoneKey } from './person';
import { audit } from './audit';
import type { CaseSummary } from './cases';
import { inScope, scopeCondition } from './scope';

/**
 * The staff queue at volume: one page of applications with the total, in the staff
 * member's scope, filtered and searched on indexed columns only (never the answers),
 * and for each row how many applications the same person has made.
 */

/** A case as the queue lists it: the case's summary and the person's count. */
export interface QueueRow extends CaseSummary {
	/** Applications by the same person in this staff member's scope, this one included. */
	personApplications: number;
}

export interface QueuePage {
	applications: QueueRow[];
	total: number;
	page: number;
	pageSize: number;
}

type Search = { kind: 'reference'; reference: string } | { kind: 'phone'; digits: string } | { kind: 'name'; key: string };

/** Decides by the term's shape: "klt-482" is a reference, 8 digits (spaces, +45) a phone, the rest a name. */
export function classifySearch(term: string): Search {
	const trimmed = term.trim();
	const reference = /^([a-z]{3,5})-?([2-9]{3})$/i.exec(trimmed);
	if (reference) return { kind: 'reference', reference: `${reference[1]!.toUpperCase()}-${reference[2]}` };
	const digits = phoneKey(trimmed);
	if (digits) return { kind: 'phone', digits };
	return { kind: 'name', key: nameKey(trimmed) };
}


/**
 * Starts-with on an indexed text column. SQLite compares bytes, so a range is exact and uses
 * the plain index; PostgreSQL's LIKE 'x%' uses the text_pattern_ops index whatever the collation.
 */
function startsWith(eb: ExpressionBuilder<Database, 'applications'>, column: 'applications.name_key' | 'applications.person_key', prefix: string, postgres: boolean) {
	if (postgres) return eb(column, 'like', `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
	const last = prefix.codePointAt(prefix.length - 1) ?? 0;
	const after = prefix.slice(0, prefix.length - String.fromCodePoint(last).length) + String.fromCodePoint(last + 1);
	return eb.and([eb(column, '>=', prefix), eb(column, '<', after)]);
}

function conditions(eb: ExpressionBuilder<Database, 'applications'>, staff: StaffMember, query: QueueQuery, search: Search | null, postgres: boolean) {
	// A search by name on SQLite: without fresh statistics (nothing runs ANALYZE on a phone-
	// sized deployment) the planner prefers the equality on status or consultant to the
	// name's range, and reads every waiting application (~2 s at 1,000,000). A `+` keeps those
	// columns off its choice, so the name's covering index answers (~20 ms).
	const unindexed = search?.kind === 'name' && !postgres;
	const status = unindexed ? sql<string>`+${sql.ref('applications.status')}` : sql.ref<string>('applications.status');
	const scope = scopeCondition(staff, 'applications', { unindexed });
	const parts: Expression<SqlBool>[] = scope ? [scope] : [];
	if (query.status === 'waiting') parts.push(eb(status, 'in', WAITING_STATUSES));
	else if (query.status !== 'all') parts.push(eb(status, '=', query.status));
	if (query.municipality) parts.push(eb('applications.municipality_code', '=', query.municipality));
	if (query.posting) parts.push(eb('applications.posting_id', '=', query.posting));
	if (search?.kind === 'reference') parts.push(eb('applications.reference', '=', search.reference));
	if (search?.kind === 'phone') {
		parts.push(eb.or([eb('applications.person_key', '=', `tel:${search.digits}`), startsWith(eb, 'applications.person_key', `helper:${search.digits}:`, postgres)]));
	}
	if (search?.kind === 'name') parts.push(startsWith(eb, 'applications.name_key', search.key, postgres));
	return eb.and(parts);
}

/** The count and the page's query for a queue query, built but not run (tests read their plans). */
export function queueQueries(db: Kysely<Database>, staff: StaffMember, query: QueueQuery) {
	const search = query.q ? classifySearch(query.q) : null;
	const postgres = onPostgres(db);
	const where = (eb: ExpressionBuilder<Database, 'applications'>) => conditions(eb, staff, query, search, postgres);
	const direction = query.sort === 'oldest' ? 'asc' : 'desc';
	// The page's ids come from the indexes alone; only those rows are read whole.
	const pageIds = db
		.selectFrom('applications')
		.select('applications.id')
		.where(where)
		.orderBy('applications.received_at', direction)
		.orderBy('applications.id', direction)
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize);
	return {
		search,
		count: db.selectFrom('applications').select((eb) => eb.fn.countAll<string | number>().as('n')).where(where),
		page: db
			.selectFrom('applications')
			.innerJoin('municipalities', 'municipalities.code', 'applications.municipality_code')
			.leftJoin('postings', 'postings.id', 'applications.posting_id')
			.select([
				'applications.id',
				'applications.reference',
				'applications.status',
				'applications.screening_decision',
				'applications.received_at',
				'applications.answers',
				'applications.person_key',
				'municipalities.name as municipality',
				'postings.title as posting_title'
			])
			.where('applications.id', 'in', pageIds)
			.orderBy('applications.received_at', direction)
			.orderBy('applications.id', direction)
	};
}

/** One page of the queue and the total, newest or oldest first; a search is audited by its kind only. */
export async function listQueue(db: Kysely<Database>, staff: StaffMember, query: QueueQuery): Promise<QueuePage> {
	const { search, count, page } = queueQueries(db, staff, query);
	const [counted, rows] = await Promise.all([count.executeTakeFirstOrThrow(), page.execute()]);
	const total = Number(counted.n);
	const repeats = await personCounts(db, staff, rows.map((row) => row.person_key));
	await audit(db, {
		staffId: staff.id,
		action: search ? 'search-applications' : 'list-applications',
		// The term is personal: the log keeps only what kind of search it was.
		detail: search ? `search: ${search.kind}, ${total} found` : `${rows.length} shown of ${total}`
	});
	return {
		applications: rows.map((row) => ({
			id: row.id,
			reference: row.reference,
			status: row.status,
			screeningDecision: row.screening_decision,
			municipality: row.municipality,
			postingTitle: row.posting_title,
			receivedAt: row.received_at,
			name: String((JSON.parse(row.answers) as { name?: unknown }).name ?? ''),
			personApplications: row.person_key ? (repeats.get(row.person_key) ?? 1) : 1
		})),
		total,
		page: query.page,
		pageSize: query.pageSize
	};
}

/** For the page's people only: one grouped query on the person_key index. */
async function personCounts(db: Kysely<Database>, staff: StaffMember, keys: (string | null)[]): Promise<Map<string, number>> {
	const wanted = [...new Set(keys.filter((key): key is string => key !== null))];
	if (wanted.length === 0) return new Map();
	const query = db
		.selectFrom('applications')
		.select(['person_key', (eb) => eb.fn.countAll<string | number>().as('n')])
		.where('person_key', 'in', wanted);
	const rows = await inScope(query, staff, 'applications').groupBy('person_key').execute();
	return new Map(rows.map((row) => [row.person_key!, Number(row.n)]));
}

/** How far along the path a step is, for "where is the person as a whole". A closed case counts by the step before it. */
const STEP_RANK: Record<string, number> = {
	'outside-target-group': 0,
	received: 1,
	'more-info': 2,
	screened: 3,
	conversation: 4,
	internship: 5,
	hired: 6,
	'follow-up': 7
};

export interface PersonApplication {
	id: string;
	reference: string;
	receivedAt: string;
	postingTitle: string | null;
	status: string;
}

export interface PersonOverview {
	/** The person's other applications in this staff member's scope, newest first. */
	others: PersonApplication[];
	/** The furthest step any of their applications reached, and which one. */
	furthest: { status: string; reference: string; id: string } | null;
}

/** The same person's other applications, and where the person is as a whole. Called after the case's own access check. */
export async function personOverview(db: Kysely<Database>, staff: StaffMember, applicationId: string): Promise<PersonOverview> {
	const own = await db.selectFrom('applications').select('person_key').where('id', '=', applicationId).executeTakeFirst();
	if (!own?.person_key) return { others: [], furthest: null };
	const query = db
		.selectFrom('applications')
		.leftJoin('postings', 'postings.id', 'applications.posting_id')
		.select(['applications.id', 'applications.reference', 'applications.received_at', 'applications.status', 'postings.title as posting_title'])
		.where('applications.person_key', '=', own.person_key);
	const all = await inScope(query, staff, 'applications').orderBy('applications.received_at', 'desc').execute();
	if (all.length === 0) return { others: [], furthest: null };
	// The furthest step any of them reached, from their paths; the newest application on a tie.
	const rank = sql<number>`case application_events.status ${sql.join(
		Object.entries(STEP_RANK).map(([status, n]) => sql`when ${sql.lit(status)} then ${sql.lit(n)}`),
		sql` `
	)} else -1 end`;
	const top = await db
		.selectFrom('application_events')
		.innerJoin('applications', 'applications.id', 'application_events.application_id')
		.select(['applications.id', 'applications.reference', 'application_events.status'])
		.where('application_events.application_id', 'in', all.map((a) => a.id))
		.where('application_events.status', '<>', 'closed')
		.orderBy(rank, 'desc')
		.orderBy('applications.received_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	const furthest = top ? { status: top.status, reference: top.reference, id: top.id } : null;
	return {
		others: all
			.filter((a) => a.id !== applicationId)
			.map((a) => ({ id: a.id, reference: a.reference, receivedAt: a.received_at, postingTitle: a.posting_title, status: a.status })),
		furthest
	};
}

export type { SearchKind };
