import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { listCases } from '$lib/server/cases';

export const GET: RequestHandler = async ({ locals, url }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	const applications = await listCases(db, staff, {
		municipality: url.searchParams.get('municipality') ?? undefined,
		status: url.searchParams.get('status') ?? undefined,
		posting: url.searchParams.get('posting') ?? undefined
	});
	return json({ applications }, { headers: { 'cache-control': 'private, no-store' } });
};
