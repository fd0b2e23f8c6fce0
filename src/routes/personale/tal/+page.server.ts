import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { keyFigures } from '$lib/server/numbers';
import { listJobTypes } from '$lib/server/jobs';
import { parsePeriod } from '$lib/staff/period';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requireCaseworker(locals.staff);
	const period = parsePeriod(url.searchParams);
	if (!period.ok) error(400, period.message);
	const { db } = await database();
	const [figures, jobTypes] = await Promise.all([keyFigures(db, staff, period.period), listJobTypes(db, locals.lang)]);
	return {
		figures,
		query: period.query,
		csvUrl: `/personale/tal/csv${url.search}`,
		jobTypeNames: Object.fromEntries(jobTypes.map((type) => [type.id, type.name]))
	};
};
