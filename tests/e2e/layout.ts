import { expect, test, type Page } from '@playwright/test';

/**
 * What the accessibility and big-text tests share: the pages a citizen can open, a walk
 * through the application form, and what a person would call a broken layout.
 */

export type Lang = 'da' | 'en' | 'ar';

export async function useLanguage(page: Page, lang: Lang): Promise<void> {
	await page.context().addCookies([{ name: 'lang', value: lang, url: test.info().project.use.baseURL! }]);
}

async function firstPostingId(page: Page): Promise<string> {
	const body = (await (await page.request.get('/api/jobs?limit=1')).json()) as { jobs: { id: string }[] };
	return body.jobs[0]!.id;
}

/** Every page a citizen can open. The status page needs a sent application: see the tests. */
export async function citizenPaths(page: Page): Promise<string[]> {
	const id = await firstPostingId(page);
	return ['/', '/job', '/job?jobType=retail&municipality=330', '/job?q=ingenting-passer-her', `/job/${id}`, `/job/${id}/ansog`, '/ansog', '/typer', '/typer/retail', '/spil', '/spil?klasse', '/skaerm', '/mine', '/om', '/job/findes-ikke'];
}

/**
 * Walks the application form in any language without knowing its words: the first
 * choice on each question (or `firstChoice` on the first one: 1 is "Jeg hjælper en
 * anden"), something typed in each field. Calls `onStep` on each step and on the
 * check page; stops there (nothing is sent).
 */
export async function walkApplication(
	page: Page,
	onStep: () => Promise<void>,
	{ start = '/ansog', firstChoice = 0 }: { start?: string; firstChoice?: number } = {}
): Promise<number> {
	await page.goto(start);
	let steps = 0;
	for (; steps < 30; steps++) {
		await expect(page.locator('p.progress, dl.answers').first()).toBeVisible();
		await onStep();
		if (await page.locator('dl.answers').isVisible()) return steps;
		const progress = await page.locator('p.progress').textContent();
		const next = page.locator('.nav button.primary');
		const field = page.locator('#answer');
		// Read without waiting: a step may have no field at all.
		const { tag, type } = await page.evaluate(() => {
			const element = document.querySelector('#answer');
			return { tag: element?.tagName ?? '', type: element?.getAttribute('type') ?? null };
		});
		if (await page.locator('#municipality-search').isVisible()) {
			await page.locator('#municipality-search').fill('aarhus');
			await page.locator('.picker').getByRole('button').first().click();
		} else if (tag === 'INPUT') {
			await field.fill(type === 'tel' ? '21 43 65 87' : 'Alma Andersen');
			await next.click();
		} else if (tag === 'TEXTAREA' || (await page.locator('.options button.option').count()) === 0) {
			await next.click();
		} else {
			await page.locator('.options button.option').nth(steps === 0 ? firstChoice : 0).click();
			// A single choice moves on by itself; a multiple choice waits for "Næste".
			const moved = await expect(page.locator('p.progress'))
				.not.toHaveText(progress ?? '', { timeout: 1500 })
				.then(() => true, () => false);
			if (!moved && !(await page.locator('dl.answers').isVisible())) await next.click();
		}
		await expect(page.locator('p.progress')).not.toHaveText(progress ?? '', { timeout: 5000 }).catch(() => undefined);
	}
	throw new Error('The form never reached the check page');
}

/**
 * What a person sees as a broken layout, one line each:
 * - the page scrolls sideways, or something sticks out past the screen's edge;
 * - a box that clips (overflow hidden, text-overflow: ellipsis, line clamps) holds more
 *   than it shows ("Find et jo…");
 * - text runs out of its own box (a long word sticking out of a heading or a button);
 * - a short word broken in the middle: a word that would fit on a line of half the
 *   screen is broken only when its box was squeezed (a picture beside it taking the room).
 *   Longer Danish compounds may break (with a hyphen where the phone can hyphenate).
 */
export async function layoutProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const width = document.documentElement.clientWidth;
		const overflow = document.documentElement.scrollWidth - window.innerWidth;
		if (overflow > 0) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide`);
		const skip = '.visually-hidden, [hidden], .skip-link, .settings-label';
		const name = (element: Element) => {
			const classes = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).filter((c) => !c.startsWith('svelte-')).join('.')}` : '';
			return `${element.tagName.toLowerCase()}${classes} "${(element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30)}"`;
		};
		for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
			if (element.closest(skip)) continue;
			const box = element.getBoundingClientRect();
			// 1 × 1 px: text for screen readers only (the page-change announcer, say).
			if (box.width <= 1 || box.height <= 1) continue;
			// The outermost box that sticks out stands for the boxes inside it.
			const out = (b: DOMRect) => b.right > width + 1 || b.left < -1;
			if (out(box) && !(element.parentElement && out(element.parentElement.getBoundingClientRect()))) problems.push(`${name(element)} sticks out (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
			const style = getComputedStyle(element);
			// A text field scrolls its own text, as every text field does: not cut off.
			const clips =
				!element.matches('input, textarea, select') &&
				(['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY));
			if (clips && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)) {
				problems.push(`${name(element)} cuts off its content`);
			}
		}
		// Text, word by word: out of its box, or broken in the middle.
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		const reported = new Set<Element>();
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			if (!parent || reported.has(parent) || parent.closest(`${skip}, script, style, input, textarea, select, option`)) continue;
			let block: Element = parent;
			while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
			const blockBox = block.getBoundingClientRect();
			if (blockBox.width <= 1 || blockBox.height <= 1) continue;
			const blockStyle = getComputedStyle(block);
			const inner = {
				left: blockBox.left + parseFloat(blockStyle.borderLeftWidth),
				right: blockBox.right - parseFloat(blockStyle.borderRightWidth)
			};
			const text = node.textContent ?? '';
			for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
				range.setStart(node, match.index);
				range.setEnd(node, match.index + match[0].length);
				const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
				if (rects.length === 0) continue;
				if (rects.some((rect) => rect.right > inner.right + 1 || rect.left < inner.left - 1)) {
					problems.push(`"${match[0]}" runs out of ${name(block)}`);
					reported.add(parent);
					break;
				}
				const lines = new Set(rects.map((rect) => Math.round(rect.top)));
				const wordWidth = rects.reduce((sum, rect) => sum + rect.width, 0);
				if (lines.size > 1 && wordWidth <= width / 2) {
					problems.push(`"${match[0]}" is broken mid-word in ${name(block)} (${Math.round(blockBox.width)} px wide)`);
					reported.add(parent);
					break;
				}
			}
		}
		return problems;
	});
}
