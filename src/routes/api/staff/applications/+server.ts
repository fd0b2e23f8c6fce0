import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { apiProblem, requestLanguage } from '$lib/server/api-problem';
import { listQueue } from '$lib/server/queue';
import { API_PARAMS, parseQueueQuery } from '$lib/staff/queue';

export const GET: RequestHandler = async ({ locals, url, request }) => {
	const staff = requireCaseworker(locals.staff);
	const parsed = parseQueueQuery(url.searchParams, API_PARAMS, true);
	if (!parsed.ok) return apiProblem(400, 'staff.queue.errors.query', requestLanguage(request), parsed.errors, { 'cache-control': 'private, no-store' });
	const { db } = await database();
	return json(await listQueue(db, staff, parsed.query), { headers: { 'cache-control': 'private, no-store' } });
};
