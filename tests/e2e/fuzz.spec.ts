import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { AppServer } from './app-server';
import { applicationBody } from './application-body';
import { seededRandom } from './seeded-random';

/**
 * Fuzzing: 10,000+ generated and mutated requests against every API endpoint. Bad input
 * must get a 4xx, never a 5xx, and the server must go on serving. The generator is
 * seeded, so a failure prints the seed and the request that broke it, and can be re-run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);

function random(seed: number) {
	const next = seededRandom(seed);
	const int = (max: number) => Math.floor(next() * max);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
	return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const NASTY_STRINGS = ['', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '%', '%00', '\u0000', '\uFFFF', '\uD800', '😀', 'ـ', 'ø'.repeat(2000), 'a'.repeat(70_000), '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '${7*7}', '{{constructor}}', '__proto__', 'constructor', 'p0001', '330', 'da', 'ar', 'xx', '２１４３６５８７'];

function nastyString(r: Random): string {
	switch (r.int(4)) {
		case 0:
			return r.pick(NASTY_STRINGS);
		case 1:
			return Array.from({ length: r.int(40) }, () => String.fromCharCode(r.int(0x3000))).join('');
		case 2:
			return String(r.next() * 10 ** r.int(20) * (r.next() < 0.5 ? -1 : 1));
		default:
			return randomUUID();
	}
}

function nastyValue(r: Random, depth = 0): unknown {
	switch (r.int(depth > 3 ? 6 : 9)) {
		case 0:
			return null;
		case 1:
			return r.next() < 0.5;
		case 2:
			return r.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2]);
		case 3:
		case 4:
		case 5:
			return nastyString(r);
		case 6:
			return Array.from({ length: r.int(5) }, () => nastyValue(r, depth + 1));
		case 7:
			return Object.fromEntries(Array.from({ length: r.int(5) }, () => [nastyString(r).slice(0, 20), nastyValue(r, depth + 1)]));
		default:
			// Deep nesting, to find a parser that recurses without bound.
			return JSON.parse('['.repeat(2000) + ']'.repeat(2000));
	}
}

/** A valid application with one to three things wrong with it. */
function mutatedApplication(r: Random): Record<string, unknown> {
	const body = applicationBody({ name: 'Fuzz Hansen' });
	const keys = Object.keys(body);
	for (let i = 0, n = 1 + r.int(3); i < n; i++) {
		const key = r.pick(keys);
		switch (r.int(5)) {
			case 0:
				delete body[key];
				break;
			case 1:
				body[nastyString(r).slice(0, 30)] = nastyValue(r);
				break;
			case 2:
				body.fleksjobCriteria = nastyValue(r);
				body.voiceMessage = r.next() < 0.5 ? nastyValue(r) : { mimeType: 'audio/webm', durationSeconds: nastyValue(r), data: nastyString(r) };
				break;
			default:
				body[key] = nastyValue(r);
		}
	}
	return body;
}

/** What an HTTP client can put in a header at all: visible ASCII, no edge spaces. */
function headerValue(value: string): string {
	return value.replace(/[^\x21-\x7e]/g, '').slice(0, 300) || 'x';
}

/** Node's default maxHeaderSize: the request line and headers together. */
const MAX_HEAD_BYTES = 16 * 1024;
function tooLargeForHttp(request: FuzzRequest): boolean {
	const head = request.path.length + Object.entries(request.headers).reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
	return head > MAX_HEAD_BYTES - 512;
}

interface FuzzRequest {
	method: string;
	path: string;
	headers: Record<string, string>;
	body?: string;
}

function generate(r: Random): FuzzRequest {
	const enc = (value: unknown) => encodeURIComponent(String(value).slice(0, 2000).toWellFormed());
	const query = () =>
		Array.from({ length: r.int(5) }, () => `${enc(r.pick(['municipality', 'region', 'jobType', 'maxHours', 'q', 'lang', 'limit', 'offset', nastyString(r)]))}=${enc(nastyString(r))}`)
			// Sometimes a broken escape, as a bad link would carry.
			.concat(r.next() < 0.1 ? ['q=%E0%A4%A', '%zz=1'] : [])
			.join('&');
	const choice = r.int(100);
	if (choice < 45) {
		const application = r.next() < 0.85 ? mutatedApplication(r) : nastyValue(r);
		const text = r.next() < 0.9 ? JSON.stringify(application) : JSON.stringify(application).slice(0, r.int(200));
		const id = application && typeof application === 'object' && 'id' in application ? String((application as { id: unknown }).id) : randomUUID();
		const headers: Record<string, string> = { 'content-type': r.next() < 0.85 ? 'application/json' : r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) };
		if (r.next() < 0.9) headers['idempotency-key'] = headerValue(r.next() < 0.8 ? id : nastyString(r));
		if (r.next() < 0.2) headers['accept-language'] = headerValue(nastyString(r));
		return { method: 'POST', path: '/api/applications', headers, body: text };
	}
	const paths = [
		() => `/api/jobs?${query()}`,
		() => `/api/jobs/${enc(nastyString(r))}?${query()}`,
		() => `/api/jobs/changes?${query()}&${r.pick(['since', 'after', 'region', 'limit'])}=${enc(r.next() < 0.5 ? nastyString(r) : '2026-12-02T10:00:00.000Z|p0001')}`,
		() => `/api/job-types?${query()}`,
		() => `/api/job-types/${enc(nastyString(r))}?${query()}`,
		() => `/api/game?${query()}`,
		() => `/api/status/${enc(nastyString(r))}`,
		() => `/api/health?${query()}`,
		() => `/api/language?${query()}`,
		() => `/api/applications/schema?${query()}`,
		() => `/api/staff/applications?${query()}`,
		() => `/api/staff/applications/${enc(nastyString(r))}`
	];
	const method = r.pick(['GET', 'GET', 'GET', 'HEAD', 'DELETE', 'PUT', 'PATCH', 'OPTIONS']);
	const headers: Record<string, string> = {};
	if (r.next() < 0.3) headers.cookie = `lang=${headerValue(nastyString(r))}; klapjob_staff=${headerValue(nastyString(r))}`;
	if (r.next() < 0.2) headers['if-none-match'] = headerValue(nastyString(r));
	return { method, path: r.pick(paths)(), headers, body: method === 'PUT' || method === 'PATCH' ? JSON.stringify(nastyValue(r)) : undefined };
}

test.describe('fuzzing the API', () => {
	const server = new AppServer(4700, { APPLICATION_RATE_LIMIT: '1000000' });
	test.beforeAll(async () => server.start());
	test.afterAll(async () => server.stop());

	test(`${TOTAL} generated and mutated requests: only 4xx or success, never 5xx`, async () => {
		test.setTimeout(300_000);
		const r = random(SEED);
		const statuses = new Map<number, number>();
		const failures: string[] = [];
		let sent = 0;
		const send = async (request: FuzzRequest) => {
			const response = await fetch(server.url + request.path, { method: request.method, headers: request.headers, body: request.body });
			await response.arrayBuffer();
			return response.status;
		};
		const worker = async () => {
			while (sent < TOTAL) {
				sent++;
				const request = generate(r);
				let status: number;
				try {
					status = await send(request);
				} catch {
					// A reset on a reused keep-alive connection is the line, not the server: a
					// client tries once more. No answer twice is a failure.
					try {
						status = await send(request);
					} catch (cause) {
						status = 0;
						// Node's HTTP server refuses a request head over 16 KB (431, then closes); the
						// client may see only the close. That is the server's limit working, not a crash.
						if (!tooLargeForHttp(request)) failures.push(`no answer (${String(cause)}): ${request.method} ${request.path.slice(0, 200)}`);
					}
				}
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
				if (status >= 500) failures.push(`${status}: ${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 200)} ${request.body?.slice(0, 300) ?? ''}`);
			}
		};
		await Promise.all(Array.from({ length: 16 }, worker));
		console.log(`fuzz seed ${SEED}: ${sent} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
		expect(failures.slice(0, 10), `seed ${SEED}`).toEqual([]);
		expect(sent).toBeGreaterThanOrEqual(10_000);
		// Still serving, and the data is whole.
		const health = await fetch(`${server.url}/api/health`);
		expect(health.status).toBe(200);
		const jobs = (await (await fetch(`${server.url}/api/jobs?limit=1`)).json()) as { total: number };
		expect(jobs.total).toBeGreaterThan(200);
		// Some mutated applications are still valid: they were taken in, once each.
		expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
	});
});
