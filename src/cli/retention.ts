/**
 * Deletes applications that did not lead to a job after RETENTION_MONTHS (default 12).
 *   npm run retention            (run it daily, e.g. from cron)
 */
import { database } from '$lib/server/db/instance';
import { DEFAULT_RETENTION_MONTHS, deleteExpiredApplications } from '$lib/server/retention';

const months = Number(process.env.RETENTION_MONTHS ?? DEFAULT_RETENTION_MONTHS);
if (!Number.isInteger(months) || months < 1) {
	console.error('RETENTION_MONTHS must be a whole number of months, at least 1.');
	process.exit(2);
}
const { db } = await database();
const { deleted, kept } = await deleteExpiredApplications(db, months);
console.log(`Retention (${months} months): deleted ${deleted} applications without a job; kept ${kept} older ones that led to a job.`);
await db.destroy();
