import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireAdmin } from '$lib/server/auth/guard';
import { auditLogStaffChoices, listAuditLog } from '$lib/server/audit-log';
import { AUDIT_ACTIONS, parseAuditLogQuery } from '$lib/staff/audit-log';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.staff && locals.staff.role !== 'admin') error(403, 'staff.log.forbidden');
	const admin = requireAdmin(locals.staff);
	const parsed = parseAuditLogQuery(url.searchParams);
	if (!parsed.ok) error(400, parsed.error);
	const { db } = await database();
	const [log, staff] = await Promise.all([listAuditLog(db, admin, parsed.query), auditLogStaffChoices(db)]);
	return { log, staff, query: parsed.query, actions: AUDIT_ACTIONS };
};
