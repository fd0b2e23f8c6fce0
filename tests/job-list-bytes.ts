import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

export interface JobListBytes {
	/** gzip bytes of the scripts the browser had fetched by the load event: what the page needs to respond. */
	jsAtLoad: number;
	/** ...and once the page is idle, with the background work (offline copy, outbox, service worker). */
	jsAfterIdle: number;
	scriptsAtLoad: string[];
	scripts: number;
	html: number;
	css: number;
}

/**
 * The job list as a phone loads it, measured on what the built app sends: each answer's
 * body is gzipped at level 9. Shared by `npm run bench` and the budget test.
 */
export async function measureJobListBytes(page: Page, url: string): Promise<JobListBytes> {
	const sizes = new Map<string, { type: string; gzip: number }>();
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (type !== 'script' && type !== 'stylesheet') return;
		pending.push(
			response
				.body()
				.then((body) => void sizes.set(response.url(), { type, gzip: gzipSync(body, { level: 9 }).length }))
				.catch(() => undefined)
		);
	});
	const response = await page.goto(url, { waitUntil: 'load' });
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
	// Sizes are summed only after every answer has arrived.
	await Promise.all(pending);
	const sum = (type: string, only?: Set<string>) =>
		[...sizes].filter(([name, s]) => s.type === type && (!only || only.has(name))).reduce((a, [, s]) => a + s.gzip, 0);
	return {
		jsAtLoad: sum('script', atLoad),
		jsAfterIdle: sum('script'),
		scriptsAtLoad: [...sizes].filter(([name, s]) => s.type === 'script' && atLoad.has(name)).map(([name]) => name),
		scripts: [...sizes.values()].filter((s) => s.type === 'script').length,
		html: gzipSync(await response!.body(), { level: 9 }).length,
		css: sum('stylesheet')
	};
}
