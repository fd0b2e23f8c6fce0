/**
 * Deletes applications that are no longer needed: without a job after RETENTION_MONTHS
 * (default 12), with a job RETENTION_HIRED_MONTHS (default 24) after the follow-up or close.
 *   npm run retention            (run it daily, e.g. from cron)
 */
import { database } from '$lib/server/db/instance';
import { DEFAULT_RETENTION_HIRED_MONTHS, DEFAULT_RETENTION_MONTHS, deleteExpiredApplications } from '$lib/server/retention';

function months(name: string, fallback: number): number {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isInteger(value) || value < 1) {
		console.error(`${name} must be a whole number of months, at least 1.`);
		process.exit(2);
	}
	return value;
}

const plain = months('RETENTION_MONTHS', DEFAULT_RETENTION_MONTHS);
const hired = months('RETENTION_HIRED_MONTHS', DEFAULT_RETENTION_HIRED_MONTHS);
const { db } = await database();
const { deleted, kept } = await deleteExpiredApplications(db, plain, new Date(), hired);
console.log(
	`Retention (${plain} months, ${hired} after a job's follow-up or close): deleted ${deleted} applications; kept ${kept} older ones that led to a job.`
);
await db.destroy();
