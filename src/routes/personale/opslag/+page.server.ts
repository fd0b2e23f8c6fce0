import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { listPostingsForStaff } from '$lib/server/postings-admin';
import { parseStaffPostingsQuery } from '$lib/staff/postings-list';
import { municipalities } from '$lib/jobs/municipalities';
import { listJobTypes } from '$lib/server/jobs';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requireCaseworker(locals.staff);
	const parsed = parseStaffPostingsQuery(url.searchParams);
	if (!parsed.ok) error(400, parsed.message);
	const { db } = await database();
	// A consultant chooses among their own municipalities only.
	const own =
		staff.role === 'konsulent'
			? new Set((await db.selectFrom('municipalities').select('code').where('consultant_id', '=', staff.consultantId ?? '').execute()).map((m) => m.code))
			: null;
	return {
		list: await listPostingsForStaff(db, staff, parsed.query),
		query: parsed.query,
		municipalities: municipalities.filter((m) => !own || own.has(m.code)).map((m) => ({ code: m.code, name: m.name })),
		jobTypes: (await listJobTypes(db, locals.lang)).map((type) => ({ id: type.id, name: type.name }))
	};
};
