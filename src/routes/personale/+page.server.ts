import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { listQueue } from '$lib/server/queue';
import { municipalities } from '$lib/jobs/municipalities';
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
	// A consultant chooses among their own municipalities only.
	const own =
		staff.role === 'konsulent'
			? new Set((await db.selectFrom('municipalities').select('code').where('consultant_id', '=', staff.consultantId ?? '').execute()).map((m) => m.code))
			: null;
	return {
		queue: await listQueue(db, staff, query),
		query,
		municipalities: municipalities.filter((m) => !own || own.has(m.code)).map((m) => ({ code: m.code, name: m.name })),
		statuses: STATUSES
	};
};
