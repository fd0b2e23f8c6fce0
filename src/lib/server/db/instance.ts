import { databaseConfigFromUrl, migrateToLatest, openDatabase, type OpenDatabase } from './index';
import { seedIfEmpty } from './seed';
import { createDemoAccountsIfNone, demoAccountsWanted } from '../demo-accounts';
import { loadSecretKey } from '../auth/secret-key';

let opening: Promise<OpenDatabase> | undefined;
let key: Buffer | undefined;

/** The key for staff's two-factor secrets (STAFF_SECRET_KEY, or a key file made at the first start). */
export function staffSecretKey(): Buffer {
	key ??= loadSecretKey(process.env, databaseConfigFromUrl(process.env.DATABASE_URL));
	return key;
}

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
		staffSecretKey();
		if (demoAccountsWanted(process.env, config)) await createDemoAccountsIfNone(open.db, staffSecretKey());
		return open;
	})();
	return opening;
}
