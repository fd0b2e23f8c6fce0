/**
 * A consistent copy of the SQLite database, made while the app runs:
 *   npm run backup -- backups/klapjob-2026-12-03.db
 * With DATABASE_URL=postgres://… it says to use pg_dump instead (see README).
 */
import { databaseConfigFromUrl } from '$lib/server/db';
import { BackupError, backupSqlite } from '$lib/server/backup';

const target = process.argv[2];
if (!target || process.argv.length > 3) {
	console.error('Usage: npm run backup -- <file>   (a new file for the copy of the SQLite database)');
	process.exit(2);
}

const config = databaseConfigFromUrl(process.env.DATABASE_URL);
if (config.dialect === 'postgres') {
	console.error(
		[
			'DATABASE_URL names PostgreSQL: back it up with pg_dump, not with this command.',
			'  pg_dump --format=custom --file=klapjob.dump "$DATABASE_URL"',
			'Restore into an empty database with pg_restore:',
			'  pg_restore --no-owner --dbname="$DATABASE_URL" klapjob.dump',
			'See "Backup and restore" in README.md.'
		].join('\n')
	);
	process.exit(2);
}

try {
	console.log(`Copying ${config.path} …`);
	const result = await backupSqlite(config.path, target);
	const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
	console.log(`Backup written to ${result.file}: ${megabytes} MB, ${result.applications} applications, integrity check ok.`);
} catch (error) {
	if (error instanceof BackupError) {
		console.error(`Backup failed: ${error.message}`);
		process.exit(1);
	}
	throw error;
}
