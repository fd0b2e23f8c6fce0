import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { preparedJson, problem } from '$lib/server/http';
import { cachedAnswer } from '$lib/server/answer-cache';
import { listJobs } from '$lib/server/jobs';
import { parseJobFilters } from '$lib/server/job-filters';

export const GET: RequestHandler = async ({ url, request }) => {
	const parsed = parseJobFilters(url.searchParams);
	if (!parsed.ok) return problem(400, 'Some query parameters are not valid.', parsed.errors);
	const { db } = await database();
	const answer = await cachedAnswer(`jobs ${JSON.stringify(parsed.filters)}`, () =>
		listJobs(db, parsed.filters, parsed.filters.lang ?? 'da')
	);
	return preparedJson(request, answer);
};
