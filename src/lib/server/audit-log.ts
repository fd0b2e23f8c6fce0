import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { audit } from './audit';
import { AUDIT_PAGE_SIZE, SYSTEM, describeAuditLogQuery, type AuditLogQuery } from '$lib/staff/audit-log';

export interface AuditLogLine {
	id: string;
	at: string;
	staffId: string | null;
	/** The staff member's name, or null for the app itself (or an account since deleted). */
	staffName: string | null;
	action: string;
	/** The application's reference, while the application still exists. */
	reference: string | null;
	applicationId: string | null;
	detail: string | null;
}

export interface AuditLogPage {
	lines: AuditLogLine[];
	total: number;
	page: number;
	pageSize: number;
	/** The reference asked for belongs to no application: nothing to show. */
	unknownReference: boolean;
}

/** The bounds of whole days (UTC, as the figures count them) as stored times: from ≤ at < until. */
function dayBounds(query: AuditLogQuery): { from?: string; until?: string } {
	return {
		from: query.from ? `${query.from}T00:00:00.000Z` : undefined,
		until: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString() : undefined
	};
}

/**
 * The filtered lines, as one condition for the count and the page. Each filter meets an index
 * that ends in `at` ((staff_id, at), (action, at), (application_id, at), or (at) alone), so
 * the newest first are read from an index, never sorted.
 */
function filtered(db: Kysely<Database>, query: AuditLogQuery, applicationId: string | undefined) {
	const { from, until } = dayBounds(query);
	let select = db.selectFrom('audit_log');
	if (query.staffId === SYSTEM) select = select.where('audit_log.staff_id', 'is', null);
	else if (query.staffId) select = select.where('audit_log.staff_id', '=', query.staffId);
	if (query.action) select = select.where('audit_log.action', '=', query.action);
	if (applicationId) select = select.where('audit_log.application_id', '=', applicationId);
	if (from) select = select.where('audit_log.at', '>=', from);
	if (until) select = select.where('audit_log.at', '<', until);
	return select;
}

/** One page of the audit log, newest first, with the total. Reading it is itself logged, with the filters. */
export async function listAuditLog(db: Kysely<Database>, admin: StaffMember, query: AuditLogQuery, pageSize = AUDIT_PAGE_SIZE): Promise<AuditLogPage> {
	const page = await readAuditLog(db, query, pageSize);
	await audit(db, { staffId: admin.id, action: 'audit-log-read', detail: describeAuditLogQuery(query) || null });
	return page;
}

/** The page itself, unlogged (the tests time it). */
export async function readAuditLog(db: Kysely<Database>, query: AuditLogQuery, pageSize = AUDIT_PAGE_SIZE): Promise<AuditLogPage> {
	let applicationId: string | undefined;
	if (query.reference) {
		const found = await db.selectFrom('applications').select('id').where('reference', '=', query.reference).executeTakeFirst();
		if (!found) return { lines: [], total: 0, page: query.page, pageSize, unknownReference: true };
		applicationId = found.id;
	}
	const base = filtered(db, query, applicationId);
	const counted = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
	const total = Number(counted.n);
	const offset = (query.page - 1) * pageSize;
	// A page in the older half is read from the oldest end, so no page skips more than half the lines.
	const fromOldest = offset > total / 2;
	const direction = fromOldest ? 'asc' : 'desc';
	const limit = fromOldest ? Math.max(0, Math.min(pageSize, total - offset)) : pageSize;
	// The page's ids alone first, from the index; only those 50 lines are read whole and joined.
	const ids = base
		.select('audit_log.id')
		.orderBy('audit_log.at', direction)
		.orderBy('audit_log.id', direction)
		.limit(limit)
		.offset(fromOldest ? Math.max(0, total - offset - limit) : offset);
	const found =
		limit === 0
			? []
			: await db
					.selectFrom('audit_log')
					.leftJoin('staff', 'staff.id', 'audit_log.staff_id')
					.leftJoin('applications', 'applications.id', 'audit_log.application_id')
					.select([
						'audit_log.id',
						'audit_log.at',
						'audit_log.staff_id',
						'audit_log.action',
						'audit_log.application_id',
						'audit_log.detail',
						'staff.name as staff_name',
						'applications.reference'
					])
					.where('audit_log.id', 'in', ids)
					.execute();
	const rows = found.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
	return {
		lines: rows.map((row) => ({
			id: row.id,
			at: row.at,
			staffId: row.staff_id,
			staffName: row.staff_name,
			action: row.action,
			reference: row.reference,
			applicationId: row.application_id,
			detail: row.detail
		})),
		total,
		page: query.page,
		pageSize,
		unknownReference: false
	};
}

/** The staff members to choose among, by name (disabled accounts too: their lines stay). */
export async function auditLogStaffChoices(db: Kysely<Database>): Promise<{ id: string; name: string; role: string }[]> {
	return db.selectFrom('staff').select(['id', 'name', 'role']).orderBy('name').orderBy('id').execute();
}
