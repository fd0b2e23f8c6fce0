import type { PageLoad } from './$types';
import { loadJob, loadJobTypes } from '$lib/jobs/load-jobs';

export const load: PageLoad = async ({ params, fetch, parent }) => {
	const { lang } = await parent();
	const [{ job }, jobTypes] = await Promise.all([loadJob(fetch, params.id, lang), loadJobTypes(fetch, lang)]);
	return { job, jobTypes };
};
