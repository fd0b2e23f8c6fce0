import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { cachedJson, problem } from '$lib/server/http';
import { listJobs } from '$lib/server/jobs';
import { parseJobFilters } from '$lib/jobs/filters';

export const GET: RequestHandler = async ({ url, request }) => {
	const parsed = parseJobFilters(url.searchParams);
	if (!parsed.ok) return problem(400, 'Some query parameters are not valid.', parsed.errors);
	const { db } = await database();
	return cachedJson(request, await listJobs(db, parsed.filters, parsed.filters.lang ?? 'da'));
};
