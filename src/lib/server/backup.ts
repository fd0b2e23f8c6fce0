import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export interface BackupResult {
	file: string;
	bytes: number;
	pages: number;
	/** What `PRAGMA integrity_check` said of the copy: "ok" when it is whole. */
	integrity: string;
	applications: number;
}

export class BackupError extends Error {}

/**
 * A consistent copy of the SQLite database while the app runs and takes applications.
 *
 * SQLite's online backup (better-sqlite3's `db.backup()`) copies every page in one step,
 * inside one read transaction: in WAL mode the app's writes go on meanwhile, and the copy
 * holds the database as it was when the step began, with every commit made before it. The
 * copy is written next to the target under another name, checked with `PRAGMA
 * integrity_check`, made a single file (no -wal beside it) and only then renamed into place,
 * so a file at the target is always a whole, checked backup.
 */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
	if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
	const file = path.resolve(target);
	if (fs.existsSync(file)) throw new BackupError(`${file} exists already. Choose a new name, or delete it first.`);
	if (!fs.existsSync(path.dirname(file))) throw new BackupError(`The folder ${path.dirname(file)} does not exist.`);
	if (path.resolve(source) === file) throw new BackupError('The backup cannot be the database itself.');

	const partial = `${file}.partial-${process.pid}`;
	const database = new SQLite(source, { fileMustExist: true });
	try {
		database.pragma('busy_timeout = 10000');
		// All pages in one step: one read transaction, so the copy is one moment of the database.
		// (In steps, every write by the app between them would start the copy over.)
		const progress = await database.backup(partial, { progress: () => 0x7fffffff });
		const copy = new SQLite(partial, { fileMustExist: true });
		let integrity: string;
		let applications: number;
		try {
			// One self-contained file: the copy carries no -wal or -shm to forget.
			copy.pragma('journal_mode = DELETE');
			const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
			integrity = rows.map((row) => row.integrity_check).join('; ');
			applications = (copy.prepare('select count(*) as n from applications').get() as { n: number }).n;
		} finally {
			copy.close();
		}
		if (integrity !== 'ok') throw new BackupError(`The copy failed its integrity check: ${integrity}`);
		const handle = fs.openSync(partial, 'r');
		try {
			fs.fsyncSync(handle);
		} finally {
			fs.closeSync(handle);
		}
		fs.renameSync(partial, file);
		return { file, bytes: fs.statSync(file).size, pages: progress.totalPages, integrity, applications };
	} catch (error) {
		for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
		throw error;
	} finally {
		database.close();
	}
}
