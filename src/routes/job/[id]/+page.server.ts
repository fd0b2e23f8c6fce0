import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { getJob } from '$lib/server/jobs';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { db } = await database();
	const job = await getJob(db, params.id, locals.lang);
	if (!job) error(404, 'No posting has this id.');
	return { job };
};
