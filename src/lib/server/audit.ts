import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

/**
 * One line per staff read or change of an application: who, when, what. The detail
 * names fields and statuses, never their personal contents.
 */
export async function audit(
	db: Kysely<Database>,
	entry: { staffId: string | null; action: string; applicationId?: string | null; detail?: string | null },
	now = new Date()
): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			id: randomUUID(),
			at: now.toISOString(),
			staff_id: entry.staffId,
			action: entry.action,
			application_id: entry.applicationId ?? null,
			detail: entry.detail ?? null
		})
		.execute();
}
