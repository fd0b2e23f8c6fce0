import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { keyFigures, keyFiguresCsv } from '$lib/server/numbers';
import { audit } from '$lib/server/audit';

export const GET: RequestHandler = async ({ locals }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	await audit(db, { staffId: staff.id, action: 'export-figures' });
	return new Response(keyFiguresCsv(await keyFigures(db, staff)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="klapjob-tal.csv"',
			'cache-control': 'private, no-store'
		}
	});
};
