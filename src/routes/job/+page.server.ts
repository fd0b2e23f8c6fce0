import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { listJobs, listJobTypes } from '$lib/server/jobs';
import { pageJobFilters } from '$lib/jobs/filters';
import { shownCount, PAGE_SIZE } from '$lib/jobs/paging';

export const load: PageServerLoad = async ({ url, locals }) => {
	const filters = pageJobFilters(url.searchParams);
	const shown = shownCount(url.searchParams.get('vis'));
	const { db } = await database();
	const [list, jobTypes] = await Promise.all([
		listJobs(db, { ...filters, limit: shown }, locals.lang),
		listJobTypes(db, locals.lang)
	]);
	return { filters, jobs: list.jobs, total: list.total, shown, pageSize: PAGE_SIZE, jobTypes };
};
