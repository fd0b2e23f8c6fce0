import net from 'node:net';
import { AppServer } from './app-server';
import { expect, test } from '@playwright/test';

/**
 * Security headers on every kind of response: citizen pages, the offline shell, error
 * pages, staff pages, and the API. The whole e2e suite runs under this policy, so a page
 * that needed 'unsafe-inline' would already fail there; here we also listen for refusals.
 */
const PAGES = ['/', '/job', '/job/p0001', '/job/p0001/ansog', '/ansog', '/typer', '/typer/retail', '/spil', '/skaerm', '/mine', '/om', '/app-shell', '/job/findes-ikke', '/personale/log-ind'];
const API = ['/api/jobs', '/api/jobs/p0001', '/api/job-types', '/api/game', '/api/health', '/api/applications/schema', '/api/status/unknown', '/api/staff/applications'];

test.describe('security headers', () => {
	test('every page has a strict Content-Security-Policy and the other headers', async ({ request }) => {
		for (const path of PAGES) {
			const response = await request.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBeLessThan(500);
			const headers = response.headers();
			const csp = headers['content-security-policy'] ?? '';
			const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
			expect(scriptSrc, `${path}: script-src`).toContain("'self'");
			expect(scriptSrc, `${path}: no unsafe-inline for scripts`).not.toContain('unsafe-inline');
			expect(scriptSrc, `${path}: no unsafe-eval`).not.toContain('unsafe-eval');
			expect(csp, path).toContain("frame-ancestors 'none'");
			expect(csp, path).toContain("object-src 'none'");
			expect(headers['x-content-type-options'], path).toBe('nosniff');
			expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
			expect(headers['permissions-policy'], path).toContain('microphone=(self)');
			expect(headers['permissions-policy'], path).toContain('camera=()');
			// Plain http here: HSTS belongs only to TLS.
			expect(headers['strict-transport-security'], path).toBeUndefined();
		}
	});

	test('every API answer has the headers too, errors included', async ({ request }) => {
		for (const path of API) {
			const response = await request.get(path);
			expect(response.status(), path).toBeLessThan(500);
			const headers = response.headers();
			expect(headers['x-content-type-options'], path).toBe('nosniff');
			expect(headers['permissions-policy'], path).toContain('microphone=(self)');
			expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		}
		const bad = await request.post('/api/applications', { data: '{', headers: { 'content-type': 'application/json' } });
		expect(bad.status()).toBe(400);
		expect(bad.headers()['x-content-type-options']).toBe('nosniff');
	});
});

test('the pages run under the policy without a single refusal', async ({ page }) => {
	const refusals: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(`${page.url()}: ${message.text()}`);
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(`Refused to run: ${event.violatedDirective} ${event.blockedURI}`);
		});
	});
	for (const path of ['/', '/job', '/job/p0001', '/ansog', '/spil', '/skaerm', '/typer']) {
		await page.goto(path);
		await expect(page.locator('h1').first()).toBeVisible();
	}
	// The display settings' inline script ran (it is allowed by its hash).
	await expect(page.locator('html')).toHaveAttribute('data-text-size', 'normal');
	expect(refusals).toEqual([]);
});

test('a client that sends its request slowly gets the connection closed after the time limit, not held for minutes', async () => {
	const server = new AppServer(4970, { REQUEST_TIMEOUT_SECONDS: '2' });
	await server.start();
	try {
		const closedAfter = await new Promise<number>((resolve, reject) => {
			const started = Date.now();
			const socket = net.connect(server.port, '127.0.0.1', () => {
				// The headers, then one byte of a body of 1,000 bytes, and then nothing.
				socket.write(`POST /api/applications HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`);
			});
			socket.on('data', () => undefined);
			socket.on('close', () => resolve(Date.now() - started));
			socket.on('error', reject);
			setTimeout(() => {
				socket.destroy();
				reject(new Error('The connection was still open after 15 s'));
			}, 15_000);
		});
		expect(closedAfter).toBeLessThan(6_000);
	} finally {
		await server.stop();
	}
});

test('a client that goes away in the middle of its body is no 500 and leaves no stack trace in the server\'s output', async () => {
	const server = new AppServer(4975, {}, { captureOutput: true });
	await server.start();
	try {
		for (const path of ['/api/applications', '/personale/log-ind']) {
			await new Promise<void>((resolve, reject) => {
				const socket = net.connect(server.port, '127.0.0.1', () => {
					// Half of a 1,000-byte body, then the connection is gone.
					const body = '{"id":"' + 'a'.repeat(480);
					socket.write(
						`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: http://127.0.0.1:${server.port}\r\nIdempotency-Key: 5b0e7c1e-1c1a-4b7a-9d1e-0a3c2f4e5d6a\r\n` +
							`Content-Type: ${path.startsWith('/api') ? 'application/json' : 'application/x-www-form-urlencoded'}\r\nContent-Length: 1000\r\n\r\n${body}`,
						() => setTimeout(() => socket.destroy(), 300)
					);
				});
				socket.on('close', () => resolve());
				socket.on('error', reject);
			});
		}
		// Time for the server to notice and to say whatever it would say.
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		const response = await fetch(`${server.url}/api/health`);
		expect(response.status).toBe(200);
		expect(server.output).not.toMatch(/\b500\b/);
		expect(server.output).not.toMatch(/^\s+at /m);
		expect(server.output).not.toMatch(/Error/);
		// The form's cut-off body did reach the page's action: it says so in one quiet line.
		expect(server.output).toContain('POST /personale/log-ind: the client went away');
	} finally {
		await server.stop();
	}
});
