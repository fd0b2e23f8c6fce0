import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { getVoice } from '$lib/server/cases';

export const GET: RequestHandler = async ({ locals, params }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	const result = await getVoice(db, staff, params.id);
	if (!result.ok) error(result.reason === 'forbidden' ? 403 : 404, result.reason);
	return new Response(new Uint8Array(result.value.data), {
		headers: { 'content-type': result.value.mimeType, 'cache-control': 'private, no-store' }
	});
};
