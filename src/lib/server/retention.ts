import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { audit } from './audit';

export const DEFAULT_RETENTION_MONTHS = 12;

/**
 * Deletes applications that did not lead to a job once they are older than the
 * retention period: the answers, the voice message and the path. Applications that
 * led to a job stay (the follow-up needs them). Each deletion is logged by id and
 * status only, never with the personal data.
 */
export async function deleteExpiredApplications(
	db: Kysely<Database>,
	months = DEFAULT_RETENTION_MONTHS,
	now = new Date()
): Promise<{ deleted: number; kept: number }> {
	const cutoff = new Date(now);
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
	const old = await db
		.selectFrom('applications')
		.select(['id', 'status', 'received_at'])
		.where('received_at', '<', cutoff.toISOString())
		.execute();
	const hired = new Set(
		(
			await db
				.selectFrom('application_events')
				.select('application_id')
				.where('status', '=', 'hired')
				.execute()
		).map((row) => row.application_id)
	);
	let deleted = 0;
	for (const application of old) {
		if (hired.has(application.id)) continue;
		await db.transaction().execute(async (trx) => {
			await trx.deleteFrom('voice_messages').where('application_id', '=', application.id).execute();
			await trx.deleteFrom('application_events').where('application_id', '=', application.id).execute();
			await trx.deleteFrom('applications').where('id', '=', application.id).execute();
			await audit(trx, {
				staffId: null,
				action: 'retention-delete',
				applicationId: application.id,
				detail: `status ${application.status}, received ${application.received_at.slice(0, 7)}, older than ${months} months`
			});
		});
		deleted += 1;
	}
	return { deleted, kept: old.length - deleted };
}
