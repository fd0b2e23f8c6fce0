import { databaseConfigFromUrl, migrateToLatest, openDatabase, type OpenDatabase } from './index';
import { seedIfEmpty } from './seed';
import { createDemoAccountsIfNone, demoAccountsWanted } from '../demo-accounts';

let opening: Promise<OpenDatabase> | undefined;

/**
 * The app's one database, chosen by DATABASE_URL. The first call migrates it and
 * seeds an empty one, so a fresh machine starts with postings to show.
 */
export function database(): Promise<OpenDatabase> {
	opening ??= (async () => {
		const config = databaseConfigFromUrl(process.env.DATABASE_URL);
		const open = openDatabase(config);
		await migrateToLatest(open.db);
		await seedIfEmpty(open.db, open.dialect);
		if (demoAccountsWanted(process.env, config)) await createDemoAccountsIfNone(open.db);
		return open;
	})();
	return opening;
}
