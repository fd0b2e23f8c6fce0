import { databaseConfigFromUrl, migrateToLatest, openDatabase, type OpenDatabase } from './index';
import { seedIfEmpty } from './seed';
import { createDemoAccountsIfNone } from '../demo-accounts';

let opening: Promise<OpenDatabase> | undefined;

/**
 * The app's one database, chosen by DATABASE_URL. The first call migrates it and
 * seeds an empty one, so a fresh machine starts with postings to show.
 */
export function database(): Promise<OpenDatabase> {
	opening ??= (async () => {
		const open = openDatabase(databaseConfigFromUrl(process.env.DATABASE_URL));
		await migrateToLatest(open.db);
		await seedIfEmpty(open.db, open.dialect);
		if (open.dialect === 'sqlite') await createDemoAccountsIfNone(open.db);
		return open;
	})();
	return opening;
}
