import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { eraseApplication } from './erasure';

export const DEFAULT_RETENTION_MONTHS = 12;
export const DEFAULT_RETENTION_HIRED_MONTHS = 24;

function monthsBefore(now: Date, months: number): string {
	const cutoff = new Date(now);
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
	return cutoff.toISOString();
}

/**
 * Deletes every application once it is no longer needed, through erasure.ts (so the
 * figures for past periods stay the same):
 * - one that led to no job, `months` (RETENTION_MONTHS, 12) after it came;
 * - one that led to a job, `hiredMonths` (RETENTION_HIRED_MONTHS, 24) after its 6-month
 *   follow-up or the close of the case, whichever came last. Until then it stays.
 * Each deletion is logged by id and status only, never with the personal data.
 */
export async function deleteExpiredApplications(
	db: Kysely<Database>,
	months = DEFAULT_RETENTION_MONTHS,
	now = new Date(),
	hiredMonths = DEFAULT_RETENTION_HIRED_MONTHS
): Promise<{ deleted: number; kept: number }> {
	const cutoff = monthsBefore(now, months);
	const hiredCutoff = monthsBefore(now, hiredMonths);
	const old = await db.selectFrom('applications').select('id').where('received_at', '<', cutoff).execute();
	const hired = new Set(
		(
			await db
				.selectFrom('application_events')
				.innerJoin('applications', 'applications.id', 'application_events.application_id')
				.select('application_events.application_id')
				.where('application_events.status', '=', 'hired')
				.execute()
		).map((row) => row.application_id)
	);
	// Hired ones whose follow-up or close is older than hiredMonths.
	const ended = await db
		.selectFrom('application_events')
		.innerJoin('applications', 'applications.id', 'application_events.application_id')
		.select(['application_events.application_id as id', (eb) => eb.fn.max('application_events.at').as('ended')])
		.where('application_events.status', 'in', ['follow-up', 'closed'])
		.groupBy('application_events.application_id')
		.execute();
	const expiredHires = ended.filter((row) => hired.has(row.id) && String(row.ended) < hiredCutoff).map((row) => row.id);

	const expired: { id: string; reason: string }[] = [
		...old.filter((row) => !hired.has(row.id)).map((row) => ({ id: row.id, reason: `older than ${months} months` })),
		...expiredHires.map((id) => ({ id, reason: `hired, followed up or closed more than ${hiredMonths} months ago` }))
	];
	let deleted = 0;
	for (const application of expired) {
		const erased = await db.transaction().execute((trx) =>
			eraseApplication(trx, { applicationId: application.id, kind: 'erased', action: 'retention-delete', staffId: null, reason: application.reason }, now)
		);
		if (erased) deleted += 1;
	}
	const keptOld = old.filter((row) => hired.has(row.id) && !expiredHires.includes(row.id)).length;
	return { deleted, kept: keptOld };
}
