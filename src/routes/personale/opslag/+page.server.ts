import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { listPostingsForStaff } from '$lib/server/postings-admin';
import { parseStaffPostingsQuery } from '$lib/staff/postings-list';
import { municipalityChoices } from '$lib/server/scope';
import { listJobTypes } from '$lib/server/jobs';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requireCaseworker(locals.staff);
	const parsed = parseStaffPostingsQuery(url.searchParams);
	if (!parsed.ok) error(400, parsed.message);
	const { db } = await database();
	return {
		list: await listPostingsForStaff(db, staff, parsed.query),
		query: parsed.query,
		// A consultant chooses among their own municipalities only.
		municipalities: await municipalityChoices(db, staff),
		jobTypes: (await listJobTypes(db, locals.lang)).map((type) => ({ id: type.id, name: type.name }))
	};
};
