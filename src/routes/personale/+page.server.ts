import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { listCases } from '$lib/server/cases';
import { municipalities } from '$lib/jobs/municipalities';
import { STATUSES } from '$lib/staff/path';

export const load: PageServerLoad = async ({ locals, url }) => {
	// An admin's work is the accounts.
	if (locals.staff?.role === 'admin') redirect(303, '/personale/konti');
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	const filters = {
		municipality: url.searchParams.get('kommune') || undefined,
		status: url.searchParams.get('status') || undefined,
		posting: url.searchParams.get('opslag') || undefined
	};
	// A consultant chooses among their own municipalities only.
	const own =
		staff.role === 'konsulent'
			? new Set((await db.selectFrom('municipalities').select('code').where('consultant_id', '=', staff.consultantId ?? '').execute()).map((m) => m.code))
			: null;
	return {
		cases: await listCases(db, staff, filters),
		filters,
		municipalities: municipalities.filter((m) => !own || own.has(m.code)).map((m) => ({ code: m.code, name: m.name })),
		statuses: STATUSES
	};
};
