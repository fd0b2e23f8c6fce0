import type { PageLoad } from './$types';
import { pageJobFilters } from '$lib/jobs/filters';
import { loadJobList } from '$lib/jobs/load-jobs';
import { PAGE_SIZE, shownCount } from '$lib/jobs/paging';

export const load: PageLoad = async ({ url, fetch, parent }) => {
	const { lang } = await parent();
	const filters = pageJobFilters(url.searchParams);
	const shown = shownCount(url.searchParams.get('vis'));
	const { list, jobTypes, source, partOf } = await loadJobList(fetch, { ...filters, limit: shown }, lang);
	return { filters, jobs: list.jobs, total: list.total, shown, pageSize: PAGE_SIZE, jobTypes, source, partOf };
};
