import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { cachedJson, languageParam } from '$lib/server/http';
import { listJobTypes } from '$lib/server/jobs';

export const GET: RequestHandler = async ({ url, request }) => {
	const lang = languageParam(url);
	if (lang instanceof Response) return lang;
	const { db } = await database();
	return cachedJson(request, { jobTypes: await listJobTypes(db, lang) });
};
