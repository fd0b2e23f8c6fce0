/**
 * npm run bench:scale — the staff side at real volume, written to tests/bench/SCALE.md.
 * Builds a database with SCALE_APPLICATIONS (1,000,000) applications over 4 years and 98
 * municipalities and SCALE_POSTINGS (10,000) live postings, on SQLite and (with
 * BENCH_DATABASE_URL or TEST_DATABASE_URL) on PostgreSQL; then times every staff page and
 * staff API request as a signed-in sekretariat and konsulent, and the public list, against
 * the built app (src/cli/serve.js, NODE_ENV=production). The offline copy's bytes at 10,000
 * postings are measured by tests/unit/posting-changes.test.ts.
 * SCALE_DATABASES=sqlite|postgres runs one database. Not part of npm test: at full size it
 * takes ~10 minutes on SQLite (7 of them making the data) and longer on PostgreSQL, on 2 cores.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type DatabaseConfig } from '$lib/server/db';
import { seedIfEmpty } from '$lib/server/db/seed';
import { addSyntheticApplications, addSyntheticPostings } from '$lib/server/db/synthetic';
import { createStaff } from '$lib/server/auth/staff';
import { encryptSecret, twoFactorRequired } from '$lib/server/auth/two-factor';
import { loadSecretKey } from '$lib/server/auth/secret-key';
import { STAFF_TOTP_SECRET, signInByFetch } from '../e2e/staff-codes';
import { scratchPostgres } from '../scratch-postgres';
import { cpuCheck, startServer, stopServer } from './server';

const root = path.resolve(import.meta.dirname, '../..');
const APPLICATIONS = Number(process.env.SCALE_APPLICATIONS ?? 1_000_000);
const POSTINGS = Number(process.env.SCALE_POSTINGS ?? 10_000);
const RUNS = Number(process.env.SCALE_RUNS ?? 20);
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const PASSWORD = 'scale-bench-password-1234';
const NOW = new Date();
/** Every timed request signs in from one address; a million rows may take a while to open. */
const SECRET_KEY = 'scale-bench-key';
const SERVER = { env: { SIGN_IN_LIMIT_PER_ADDRESS: '1000', STAFF_SECRET_KEY: SECRET_KEY }, showErrors: true, startSeconds: 60 };

async function signIn(base: string, email: string): Promise<string> {
	return signInByFetch(base, email, PASSWORD, STAFF_TOTP_SECRET);
}

interface Timing {
	what: string;
	role: string;
	p50: number;
	p95: number;
	bytes: number;
	wireBytes: number;
	status: number;
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** RUNS sequential requests after 3 to warm up: p50 and p95 in ms, the body's size as drawn and as brotli on the wire. */
async function time(base: string, what: string, role: string, url: string, cookie?: string): Promise<Timing> {
	const headers: Record<string, string> = cookie ? { cookie } : {};
	let status = 0;
	let body = Buffer.alloc(0);
	const samples: number[] = [];
	for (let i = 0; i < RUNS + 3; i++) {
		const started = performance.now();
		const response = await fetch(`${base}${url}`, { headers, redirect: 'manual' });
		body = Buffer.from(await response.arrayBuffer());
		const took = performance.now() - started;
		status = response.status;
		if (i >= 3) samples.push(took);
	}
	const wireBytes = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
	return { what, role, p50: Math.round(percentile(samples, 50)), p95: Math.round(percentile(samples, 95)), bytes: body.length, wireBytes, status };
}

/** What is timed, as each role. {id}, {reference}, {name}, {phone} come from the database. */
const STAFF_REQUESTS: { what: string; url: string; roles: ('sekretariat' | 'konsulent')[] }[] = [
	{ what: 'queue, first page (waiting, oldest first)', url: '/personale', roles: ['sekretariat', 'konsulent'] },
	{ what: 'queue, all statuses, newest first', url: '/personale?status=all&sortering=newest', roles: ['sekretariat', 'konsulent'] },
	{ what: 'queue, page 200', url: '/personale?status=all&side=200', roles: ['sekretariat'] },
	{ what: 'queue, search by reference', url: '/personale?soeg={reference}', roles: ['sekretariat'] },
	{ what: 'queue, search by name', url: '/personale?soeg={name}', roles: ['sekretariat'] },
	{ what: 'queue, search by phone', url: '/personale?soeg={phone}', roles: ['sekretariat'] },
	{ what: 'case page', url: '/personale/ansoegning/{id}', roles: ['sekretariat'] },
	{ what: 'figures, this year', url: '/personale/tal', roles: ['sekretariat', 'konsulent'] },
	{ what: 'figures, last year', url: "/personale/tal?periode=last-year", roles: ['sekretariat'] },
	{ what: 'figures CSV, this year', url: '/personale/tal/csv', roles: ['sekretariat'] },
	{ what: 'follow-up list', url: '/personale/opfoelgning', roles: ['sekretariat', 'konsulent'] },
	{ what: 'staff postings list', url: '/personale/opslag', roles: ['sekretariat', 'konsulent'] },
	{ what: 'API: queue', url: '/api/staff/applications', roles: ['sekretariat', 'konsulent'] },
	{ what: 'API: queue, search by name', url: '/api/staff/applications?q={name}', roles: ['sekretariat'] },
	{ what: 'API: one application', url: '/api/staff/applications/{id}', roles: ['sekretariat'] }
];

const PUBLIC_REQUESTS = [
	{ what: 'public list (API, first page)', url: '/api/jobs?lang=da' },
	{ what: 'public list page /job', url: '/job' }
];

async function prepare(config: DatabaseConfig, volume: boolean, log: (line: string) => void) {
	const { db } = openDatabase(config);
	try {
		await migrateToLatest(db);
		await seedIfEmpty(db);
		for (const role of volume ? [] : (['sekretariat', 'konsulent'] as const)) {
			const { staff } = await createStaff(db, { email: `${role}@scale.example`, name: `Scale ${role}`, role, consultantId: role === 'konsulent' ? 'c01' : undefined, password: PASSWORD, mustChangePassword: false });
			if (twoFactorRequired(role)) {
				const secret = encryptSecret(STAFF_TOTP_SECRET, loadSecretKey({ STAFF_SECRET_KEY: SECRET_KEY }, config));
				await db.updateTable('staff').set({ totp_secret: secret }).where('id', '=', staff.id).execute();
			}
		}
		if (!volume) return;
		let started = Date.now();
		await addSyntheticPostings(db, { count: POSTINGS });
		log(`  ${POSTINGS} live postings in ${Math.round((Date.now() - started) / 1000)} s`);
		started = Date.now();
		await addSyntheticApplications(db, {
			count: APPLICATIONS,
			now: NOW,
			progress: (n) => {
				if (n % 100_000 === 0) log(`  ${n} applications (${Math.round((Date.now() - started) / 1000)} s)`);
			}
		});
		log(`  ${APPLICATIONS} applications in ${Math.round((Date.now() - started) / 1000)} s`);
		// As after a day's work: the planner knows the tables. On PostgreSQL autovacuum has also
		// set the visibility map, without which an index-only scan reads the table after all.
		await (config.dialect === 'postgres' ? sql`VACUUM ANALYZE` : sql`ANALYZE`).execute(db);
	} finally {
		await db.destroy();
	}
}

async function sample(db: ReturnType<typeof openDatabase>['db']) {
	// The oldest waiting application: the one a secretary must reach.
	const row = await db
		.selectFrom('applications')
		.select(['id', 'reference', 'name_key', 'answers'])
		.where('status', 'in', ['received', 'more-info', 'screened'])
		.orderBy('received_at')
		.limit(1)
		.executeTakeFirstOrThrow();
	const answers = JSON.parse(row.answers) as { phone?: string; helper?: { phone?: string } };
	return { id: row.id, reference: row.reference, name: row.name_key.split(' ')[0]!, phone: answers.phone ?? answers.helper?.phone ?? '' };
}

async function benchBackend(name: string, config: DatabaseConfig, url: string, port: number, log: (line: string) => void) {
	log(`${name}: the seeded database`);
	await prepare(config, false, log);
	let server = await startServer(port, url, SERVER);
	const base = `http://127.0.0.1:${port}`;
	const seedTimes: Timing[] = [];
	try {
		for (const request of PUBLIC_REQUESTS) seedTimes.push(await time(base, request.what, 'public', request.url));
	} finally {
		await stopServer(server);
	}
	log(`${name}: adding the volume`);
	await prepare(config, true, log);
	const { db } = openDatabase(config);
	const values = await sample(db);
	const counts = await db
		.selectFrom('applications')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	await db.destroy();
	server = await startServer(port, url, SERVER);
	const times: Timing[] = [];
	try {
		const cookies = { sekretariat: await signIn(base, 'sekretariat@scale.example'), konsulent: await signIn(base, 'konsulent@scale.example') };
		for (const request of STAFF_REQUESTS) {
			const target = request.url.replace(/\{(\w+)\}/g, (_, key: keyof typeof values) => encodeURIComponent(values[key]));
			for (const role of request.roles) {
				const timing = await time(base, request.what, role, target, cookies[role]);
				log(`  ${request.what} (${role}): p95 ${timing.p95} ms, ${(timing.bytes / 1024).toFixed(1)} KB, ${timing.status}`);
				times.push(timing);
			}
		}
		for (const request of PUBLIC_REQUESTS) {
			const timing = await time(base, request.what, 'public', request.url);
			log(`  ${request.what}: p50 ${timing.p50} ms (seed: ${seedTimes.find((s) => s.what === request.what)?.p50 ?? '?'} ms), ${(timing.bytes / 1024).toFixed(1)} KB`);
			times.push(timing);
		}
	} finally {
		await stopServer(server);
	}
	return { name, seedTimes, times, applications: Number(counts.n) };
}

const lines: string[] = [];
const log = (line: string) => {
	console.log(line);
	lines.push(line);
};
/** SCALE_DATABASES=sqlite or postgres runs one; both by default (PostgreSQL when a server is named). */
const only = process.env.SCALE_DATABASES;
const cpuBefore = cpuCheck();
const startedAt = Date.now();
const results: Awaited<ReturnType<typeof benchBackend>>[] = [];
let sqliteBytes = 0;

const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Written after each database, so a run stopped halfway still leaves what it measured. */
function writeReport(cpuAfter: number | null) {
	const sections = results.map((result) => {
		const rows = result.times.map((t) => {
			const isStaff = t.role !== 'public';
			const figures = t.what.startsWith('figures');
			const limit = figures ? 300 : 200;
			const seed = result.seedTimes.find((s) => s.what === t.what);
			const target = isStaff
				? `p95 ≤ ${limit} ms, ≤ 150 KB: ${mark(t.p95 <= limit && t.bytes <= 150 * 1024 && t.status === 200)}`
				: `≤ 2× seed (${seed?.p50 ?? '?'} ms p50): ${mark(!!seed && t.p50 <= 2 * Math.max(seed.p50, 1))}`;
			return `| ${t.what} | ${t.role} | ${t.status} | ${t.p50} | ${t.p95} | ${kb(t.bytes)} | ${kb(t.wireBytes)} | ${target} |`;
		});
		return `## ${result.name}: ${result.applications.toLocaleString('en')} applications, ${POSTINGS.toLocaleString('en')} live postings

| request | as | status | p50 ms | p95 ms | body | on the wire (brotli) | target |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}
`;
	});
	const report = `# The staff side at scale

Written by \`npm run bench:scale\` on ${new Date().toISOString().slice(0, 10)}, in ${Math.round((Date.now() - startedAt) / 60_000)} minutes.
Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}.
CPU check (a fixed loop; lower is faster): ${cpuBefore} ms before${cpuAfter === null ? '' : `, ${cpuAfter} ms after`}.
Each figure: ${RUNS} requests one after another, after 3 to warm up; a signed-in browser's
request as the built app answers it (\`src/cli/serve.js\`, \`NODE_ENV=production\`).${sqliteBytes ? ` SQLite file at
full size: ${(sqliteBytes / 1024 / 1024).toFixed(0)} MB.` : ''}

${sections.join('\n')}
Where a target is missed, [PROFILE.md](PROFILE.md#the-staff-side-at-1000000-applications) shows the query plan that explains it.

## Log

\`\`\`
${lines.join('\n')}
\`\`\`
`;
	fs.writeFileSync(path.join(root, 'tests/bench/SCALE.md'), report);
	console.log('Wrote tests/bench/SCALE.md');
}

if (only !== 'postgres') {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klapjob-scale-'));
	const sqliteFile = path.join(dir, 'scale.db');
	try {
		results.push(await benchBackend('SQLite', { dialect: 'sqlite', path: sqliteFile }, `file:${sqliteFile}`, 4993, log));
		sqliteBytes = fs.statSync(sqliteFile).size;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
	writeReport(null);
}
if (postgresUrl && only !== 'sqlite') {
	const scratch = await scratchPostgres(postgresUrl, 'klapjob_scale');
	try {
		results.push(await benchBackend('PostgreSQL', { dialect: 'postgres', url: scratch.url }, scratch.url, 4994, log));
	} finally {
		await scratch.drop();
	}
}
writeReport(cpuCheck());
