import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { listQueue } from '$lib/server/queue';
import { municipalityChoices } from '$lib/server/scope';
import { STATUSES } from '$lib/staff/path';
import { PAGE_PARAMS, QUEUE_PAGE_SIZE, parseQueueQuery } from '$lib/staff/queue';

export const load: PageServerLoad = async ({ locals, url }) => {
	// An admin's work is the accounts.
	if (locals.staff?.role === 'admin') redirect(303, '/personale/konti');
	const staff = requireCaseworker(locals.staff);
	const parsed = parseQueueQuery(url.searchParams, PAGE_PARAMS);
	if (!parsed.ok) error(400, Object.values(parsed.errors)[0] ?? 'staff.queue.errors.query');
	const query = { ...parsed.query, pageSize: QUEUE_PAGE_SIZE };
	const { db } = await database();
	return {
		queue: await listQueue(db, staff, query),
		query,
		// A consultant chooses among their own municipalities only.
		municipalities: await municipalityChoices(db, staff),
		statuses: STATUSES
	};
};
