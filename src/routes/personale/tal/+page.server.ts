import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { keyFigures } from '$lib/server/numbers';
import { listJobTypes } from '$lib/server/jobs';

export const load: PageServerLoad = async ({ locals }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	const [figures, jobTypes] = await Promise.all([keyFigures(db, staff), listJobTypes(db, locals.lang)]);
	return { figures, jobTypeNames: Object.fromEntries(jobTypes.map((type) => [type.id, type.name])) };
};
