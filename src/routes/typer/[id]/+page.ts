import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import type { JobTypeDetail } from '$lib/jobs/types';

export const load: PageLoad = async ({ fetch, parent, params }) => {
	const { lang } = await parent();
	const response = await fetch(`/api/job-types/${encodeURIComponent(params.id)}?lang=${lang}`);
	if (response.status === 404) error(404, 'No job type has this id.');
	if (!response.ok) error(503, 'offline');
	return { type: (await response.json()) as JobTypeDetail };
};
