import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
// With TEST_DATABASE_URL the API tests also run against an app on PostgreSQL, on the next port.
const postgresPort = port + 1;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const serverEnv = {
	// Every test signs in from 127.0.0.1; the per-account limit is what the tests check.
	SIGN_IN_LIMIT_PER_ADDRESS: '1000',
	HOST: '127.0.0.1',
	// The tests' own SQLite files get the demo accounts, as a first local start does.
	DEMO_ACCOUNTS: '1'
};
// A fresh SQLite file per run: the tests see exactly the seeded data. Workers inherit
// the name through the environment, so a test can look into the real database.
process.env.E2E_DATABASE_FILE ??= path.join(os.tmpdir(), `klapjob-e2e-${process.pid}-${Date.now()}.db`);
const databaseFile = process.env.E2E_DATABASE_FILE;

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// A fake microphone, so the voice message can be recorded in tests.
	'--use-fake-device-for-media-stream',
	'--use-fake-ui-for-media-stream'
];

export default defineConfig({
	testDir: './e2e',
	outputDir: '../test-results',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	timeout: 30_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: CHROMIUM_ARGS
		},
		trace: 'retain-on-failure'
	},
	projects: [
		// The API and the headers are the same at every screen size: their tests run once, in the desktop project;
		// so do the staff area's (they check the phone size themselves where it matters).
		{ name: 'phone', use: { viewport: { width: 390, height: 844 }, hasTouch: true }, testIgnore: /(api|security|fuzz|crash|soak|several-servers|backup|budgets|slow-phone|hanging|staff(-[a-z]+)?)\.spec/ },
		// The citizen's journeys run on the phone; the desktop project keeps what differs on a
		// big screen (staff, the class game, axe on the wide layout) and what has no screen at all.
		{
			name: 'desktop',
			use: { viewport: { width: 1280, height: 800 } },
			grepInvert: /@phone-only/,
			testIgnore: /(slow-phone|hanging|big-text|pages|application|form-steps|shared-phone|translation|update|withdraw)\.spec/
		},
		// Tests that time what a person sees (tasks on a slowed phone's main thread; the copy
		// shown within 3 s on a line that hangs): they run after the others, one at a time, so
		// that the fuzz, crash and soak tests do not share the two cores with them.
		{
			name: 'timing',
			use: { viewport: { width: 390, height: 844 }, hasTouch: true },
			testMatch: /(slow-phone|hanging)\.spec/,
			dependencies: ['phone', 'desktop'],
			workers: 1
		},
		...(onPostgres
			? [
					{
						name: 'api-postgres',
						testMatch: /api\.spec/,
						metadata: { db: 'postgres' },
						use: { baseURL: `http://127.0.0.1:${postgresPort}` }
					}
				]
			: [])
	],
	webServer: [
		{
			command: 'node src/cli/serve.js',
			cwd: '..',
			url: `http://127.0.0.1:${port}/api/health`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: { ...serverEnv, PORT: String(port), DATABASE_URL: `file:${databaseFile}` }
		},
		...(onPostgres
			? [
					{
						command: 'npx tsx --tsconfig tsconfig.json tests/postgres-app.ts',
						cwd: '..',
						url: `http://127.0.0.1:${postgresPort}/api/health`,
						reuseExistingServer: false,
						timeout: 90_000,
						// Time to stop the app and drop its database.
						gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
						env: { ...serverEnv, PORT: String(postgresPort) }
					}
				]
			: [])
	]
});
