import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { problem } from '$lib/server/http';
import { parseChangesQuery, postingChanges } from '$lib/server/posting-changes';

export const GET: RequestHandler = async ({ url }) => {
	const parsed = parseChangesQuery(url.searchParams);
	if (!parsed.ok) return problem(400, 'Some query parameters are not valid.', parsed.errors);
	const { db } = await database();
	const answer = await postingChanges(db, parsed.query);
	// Each answer depends on its cursor: the phone asks again when it wants news.
	return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json', 'cache-control': 'no-store', vary: 'Accept-Encoding' } });
};
