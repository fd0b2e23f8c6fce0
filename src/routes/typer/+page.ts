import type { PageLoad } from './$types';
import { loadJobTypes } from '$lib/jobs/load-jobs';

export const load: PageLoad = async ({ fetch, parent }) => {
	const { lang } = await parent();
	return { jobTypes: await loadJobTypes(fetch, lang) };
};
