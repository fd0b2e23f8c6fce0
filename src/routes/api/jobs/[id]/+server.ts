import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { cachedJson, problem } from '$lib/server/http';
import { getJob } from '$lib/server/jobs';
import { isLanguage } from '$lib/i18n/languages';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const lang = url.searchParams.get('lang') ?? 'da';
	if (!isLanguage(lang)) return problem(400, 'Some query parameters are not valid.', { lang: 'Use da or en.' });
	const { db } = await database();
	const job = await getJob(db, params.id, lang);
	// Closed and unknown postings alike are simply not there for the public.
	if (!job) return problem(404, 'No posting has this id.');
	return cachedJson(request, job);
};
