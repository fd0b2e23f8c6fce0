import type { Page } from '@playwright/test';

export interface JobListBytes {
	/** Bytes on the wire of the scripts the browser had fetched by the load event: what the page needs to respond. */
	jsAtLoad: number;
	/** ...and once the page is idle, with the background work (i18next, the service worker). */
	jsAfterIdle: number;
	scriptsAtLoad: string[];
	/** Every script fetched by the end of the measurement (the load event, then quiet, then 0.5 s). */
	scriptsAll: string[];
	scripts: number;
	/** The page itself on the wire (headers included), and the encoding it came in. */
	html: number;
	htmlEncoding: string;
	css: number;
}

/**
 * The job list as a phone loads it, measured as the browser received it: each answer's
 * bytes on the wire (Chromium's encodedDataLength: headers and the body as sent,
 * compressed or not). Shared by `npm run bench` and the budget test.
 */
export async function measureJobListBytes(page: Page, url: string): Promise<JobListBytes> {
	const cdp = await page.context().newCDPSession(page);
	const answers = new Map<string, { url: string; type: string; encoding: string }>();
	const wire = new Map<string, number>();
	cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
		const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]));
		answers.set(requestId, { url: response.url, type, encoding: headers['content-encoding'] ?? 'identity' });
	});
	cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => void wire.set(requestId, encodedDataLength));
	// The browser's own cache would hide the bytes: every answer comes over the network.
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

	await page.goto(url, { waitUntil: 'load' });
	// Requested before the load event: background work may start the moment it has passed.
	const atLoad = new Set(
		await page.evaluate(() => {
			const loadStart = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			return performance
				.getEntriesByType('resource')
				.filter((entry) => entry.startTime <= loadStart.loadEventStart)
				.map((entry) => entry.name);
		})
	);
	await page.waitForLoadState('networkidle');
	await page.waitForTimeout(500);
	await cdp.detach();

	const received = [...answers].filter(([id]) => wire.has(id)).map(([id, answer]) => ({ ...answer, bytes: wire.get(id)! }));
	const of = (type: string, only?: Set<string>) => received.filter((r) => r.type === type && (!only || only.has(r.url)));
	const sum = (list: { bytes: number }[]) => list.reduce((total, r) => total + r.bytes, 0);
	const document = received.find((r) => r.type === 'Document' && r.url === url);
	if (!document) throw new Error(`No answer for ${url}`);
	return {
		jsAtLoad: sum(of('Script', atLoad)),
		jsAfterIdle: sum(of('Script')),
		scriptsAtLoad: of('Script', atLoad).map((r) => r.url),
		scriptsAll: of('Script').map((r) => r.url),
		scripts: of('Script').length,
		html: document.bytes,
		htmlEncoding: document.encoding,
		css: sum(of('Stylesheet'))
	};
}
