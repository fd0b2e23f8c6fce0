import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { followUpsDue } from '$lib/server/cases';
import { audit } from '$lib/server/audit';

export const load: PageServerLoad = async ({ locals }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	const due = await followUpsDue(db, staff);
	await audit(db, { staffId: staff.id, action: 'list-follow-ups', detail: `${due.length} shown` });
	return { due };
};
