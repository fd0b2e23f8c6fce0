import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { cachedJson, languageParam, problem } from '$lib/server/http';
import { getJobType } from '$lib/server/jobs';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const lang = languageParam(url);
	if (lang instanceof Response) return lang;
	const { db } = await database();
	const type = await getJobType(db, params.id, lang);
	if (!type) return problem(404, 'No job type has this id.');
	return cachedJson(request, type, 3600);
};
