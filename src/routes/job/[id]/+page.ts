import type { PageLoad } from './$types';
import { loadJob } from '$lib/jobs/load-jobs';

export const load: PageLoad = async ({ params, fetch, parent }) => {
	const { lang } = await parent();
	return loadJob(fetch, params.id, lang);
};
