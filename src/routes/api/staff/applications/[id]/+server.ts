import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { getCase } from '$lib/server/cases';

export const GET: RequestHandler = async ({ locals, params }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	const result = await getCase(db, staff, params.id);
	if (!result.ok) {
		return json(
			{ error: result.reason === 'forbidden' ? 'Not your municipality.' : 'No application has this id.' },
			{ status: result.reason === 'forbidden' ? 403 : 404 }
		);
	}
	return json(result.value, { headers: { 'cache-control': 'private, no-store' } });
};
