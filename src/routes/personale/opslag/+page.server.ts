import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { listPostingsForStaff } from '$lib/server/postings-admin';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	const status = url.searchParams.get('status') || undefined;
	return { postings: await listPostingsForStaff(db, staff, status), status };
};
