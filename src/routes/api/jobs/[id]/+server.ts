import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { cachedJson, languageParam, problem } from '$lib/server/http';
import { getJob } from '$lib/server/jobs';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const lang = languageParam(url);
	if (lang instanceof Response) return lang;
	const { db } = await database();
	const job = await getJob(db, params.id, lang);
	// Closed and unknown postings alike are simply not there for the public.
	if (!job) return problem(404, 'No posting has this id.');
	return cachedJson(request, job);
};
