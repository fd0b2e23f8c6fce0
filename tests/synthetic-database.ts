/**
 * Fills a fresh SQLite file as the app would find it after years of work: migrated, seeded,
 * the demo staff accounts, and `count` synthetic applications. Prints the demo accounts'
 * passwords as the app does on its first start. For tests that start their own app on it:
 *   npx tsx --tsconfig tsconfig.json tests/synthetic-database.ts FILE COUNT [NOW]
 * (NOW, an ISO time: the newest application arrives just before it.)
 */
import { migrateToLatest, openDatabase } from '$lib/server/db';
import { seedIfEmpty } from '$lib/server/db/seed';
import { addSyntheticApplications } from '$lib/server/db/synthetic';
import { createDemoAccountsIfNone } from '$lib/server/demo-accounts';
import { loadSecretKey } from '$lib/server/auth/secret-key';

const [file, count, now] = process.argv.slice(2);
if (!file || !count) throw new Error('Usage: synthetic-database.ts FILE COUNT [NOW]');
const { db } = openDatabase({ dialect: 'sqlite', path: file });
await migrateToLatest(db);
await seedIfEmpty(db);
await createDemoAccountsIfNone(db, loadSecretKey(process.env, { dialect: 'sqlite', path: file }));
await addSyntheticApplications(db, { count: Number(count), seed: 3, now: now ? new Date(now) : new Date() });
await db.destroy();
