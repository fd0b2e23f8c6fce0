import { expect, test, type Browser } from '@playwright/test';

/**
 * A cheap phone: Chromium's CPU slowed 4× (as Lighthouse's mobile run does), a first
 * visit (a fresh browser context, no service worker yet) to the job list. For 10 s every
 * task on the page's main thread over 50 ms is recorded; the longest may not take over
 * 100 ms, or the phone does not answer a tap in time. Background work (the offline copy
 * of postings, the outbox, i18next, the service worker) belongs in small pieces or off
 * the main thread.
 *
 * One visit is one sample of a wall-clock timing: the figure is the median of 5 visits'
 * longest tasks, printed with the spread, so that one busy moment on the machine neither
 * fails nor passes the app on its own.
 *
 * Its own project ('timing'), run after the others so that nothing shares the cores
 * with it. On its own: `--project=timing --no-deps`.
 */
const SLOWDOWN = 4;
const WATCH_MS = 10_000;
const LONGEST_MS = 100;
const VISITS = 5;

type Task = { start: number; duration: number; name: string; container: string };

async function firstVisit(browser: Browser, baseURL: string): Promise<Task[]> {
	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true });
	try {
		const page = await context.newPage();
		await page.addInitScript(() => {
			const tasks: Task[] = [];
			(window as unknown as { longTasks: Task[] }).longTasks = tasks;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & { attribution?: { containerType?: string; containerSrc?: string }[] })[]) {
					const where = entry.attribution?.[0];
					tasks.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration), name: entry.name, container: `${where?.containerType ?? ''} ${where?.containerSrc ?? ''}`.trim() });
				}
			}).observe({ type: 'longtask', buffered: true });
		});
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
		await page.goto('/job');
		await expect(page.getByRole('heading', { level: 1, name: 'Find et job' })).toBeVisible();
		await page.waitForTimeout(WATCH_MS);
		return await page.evaluate(() => (window as unknown as { longTasks: Task[] }).longTasks);
	} finally {
		await context.close();
	}
}

test('a first visit to the job list on a slow phone has no task over 100 ms (median of 5 visits)', async ({ browser, baseURL }) => {
	test.setTimeout(VISITS * 40_000);
	const longest: number[] = [];
	for (let visit = 1; visit <= VISITS; visit++) {
		const tasks = await firstVisit(browser, baseURL!);
		const list = tasks.map((task) => `${task.duration} ms at ${task.start} ms (${task.name}${task.container ? `, ${task.container}` : ''})`).join('; ');
		console.log(`visit ${visit}, tasks over 50 ms at ${SLOWDOWN}× slower CPU: ${list || 'none'}`);
		longest.push(Math.max(0, ...tasks.map((task) => task.duration)));
	}
	const sorted = [...longest].sort((a, b) => a - b);
	const median = sorted[Math.floor(sorted.length / 2)];
	console.log(`longest task per visit: ${longest.join(', ')} ms; median ${median} ms (spread ${sorted[0]}–${sorted.at(-1)} ms)`);
	expect(median, `longest task per visit: ${longest.join(', ')} ms`).toBeLessThanOrEqual(LONGEST_MS);
});
