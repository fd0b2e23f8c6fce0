import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { keyFigures, keyFiguresCsv } from '$lib/server/numbers';
import { audit } from '$lib/server/audit';
import { parsePeriod, periodLabel } from '$lib/staff/period';
import { translator } from '$lib/i18n/translate';

export const GET: RequestHandler = async ({ locals, url }) => {
	const staff = requireCaseworker(locals.staff);
	const period = parsePeriod(url.searchParams);
	if (!period.ok) {
		return new Response(translator(locals.lang)(period.message) + '\n', {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' }
		});
	}
	const { db } = await database();
	const label = periodLabel(period.period);
	await audit(db, { staffId: staff.id, action: 'export-figures', detail: label });
	return new Response(keyFiguresCsv(await keyFigures(db, staff, period.period)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="klapjob-tal-${label.replace('/', '_')}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
