import { expect, test, type Page } from '@playwright/test';
import { fakeSpeechVoices } from './helpers';
import { citizenPaths, layoutProblems, useLanguage, walkApplication } from './layout';

/**
 * The app's own text sizes (Skærm og lyd: Normal, Stor, Meget stor) on small phones:
 * every citizen page, the game (also for a class) and every form step, at 320, 360 and
 * 390 px wide, in Danish and in Arabic: nothing scrolls sideways, nothing is cut off,
 * no short word is broken. Each page is loaded once; the widths and sizes are looped on it.
 */

const WIDTHS = [320, 360, 390];
const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
// The root font size each setting gives (app.css: 112.5 % × 1, 1.25, 1.5).
const ROOT_PX: Record<(typeof TEXT_SIZES)[number], string> = { normal: '18px', large: '22.5px', larger: '27px' };

/** Sets the text size as the setting does (data-text-size on <html>) and waits for the next drawing. */
async function showWith(page: Page, width: number, size: (typeof TEXT_SIZES)[number]): Promise<void> {
	await page.setViewportSize({ width, height: 844 });
	await page.evaluate(async (size) => {
		document.documentElement.dataset.textSize = size;
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
	}, size);
	expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(ROOT_PX[size]);
}

test.describe('big text on small phones', () => {
	test('the setting Meget stor is the data-text-size the test sets', async ({ page }) => {
		await page.goto('/skaerm');
		await page.getByRole('radio', { name: 'Meget stor' }).check();
		await expect(page.locator('html')).toHaveAttribute('data-text-size', 'larger');
		// It is kept: the next page opens with it, before it paints.
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('data-text-size', 'larger');
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(ROOT_PX.larger);
	});

	for (const lang of ['da', 'ar'] as const) {
		test(`at 320, 360 and 390 px and every text size nothing scrolls sideways or is cut off (${lang})`, async ({ page }) => {
			test.setTimeout(150_000);
			await useLanguage(page, lang);
			await fakeSpeechVoices(page, ['da-DK', 'ar-SA']);
			const problems = new Set<string>();
			const check = async () => {
				const where = new URL(page.url());
				for (const width of WIDTHS) {
					for (const size of TEXT_SIZES) {
						await showWith(page, width, size);
						for (const problem of await layoutProblems(page)) problems.add(`${where.pathname}${where.search} ${width} px ${size}: ${problem}`);
					}
				}
				// The walk goes on as on an ordinary phone.
				await showWith(page, 390, 'normal');
			};

			for (const path of await citizenPaths(page)) {
				await page.goto(path);
				await check();
			}
			// The game and the game for a class: the start, a card, the result.
			for (const path of ['/spil', '/spil?klasse']) {
				await page.goto(path);
				await page.locator('button.primary.big').click();
				await expect(page.locator('.answer.like')).toBeVisible();
				await check();
			}
			for (let i = 0; i < 20 && (await page.locator('.answer.like').isVisible()); i++) await page.locator('.answer.like').click();
			await expect(page.locator('.matches')).toBeVisible();
			await check();

			// Every step of an application for a posting, for oneself; sent; my applications; its status.
			await walkApplication(page, check, { start: '/job/p0001/ansog' });
			await page.locator('button.primary.big').click();
			await expect(page.locator('[data-reference]')).toBeVisible();
			await check();
			await page.goto('/mine');
			await expect(page.locator('li[data-state="sent"]').first()).toBeVisible();
			await check();
			await page.locator('li[data-state="sent"] a[href^="/status/"]').first().click();
			await expect(page.locator('ol.steps li').first()).toBeVisible();
			await check();
			// And the helper's steps, for another person, without a posting.
			await walkApplication(page, check, { firstChoice: 1 });

			expect([...problems]).toEqual([]);
		});
	}
	// The header (name, Skærm og lyd, the other languages) stays two short rows at any text
	// size, so a form step's question and its first answer share the first screen.
	// 170 px is a fifth of an 844 px phone screen.
	for (const lang of ['da', 'ar'] as const) {
		test(`the header is at most 170 px tall at 320–390 px and every text size, and a form step's first answer is on the first screen (${lang})`, async ({ page }) => {
			await useLanguage(page, lang);
			const header = page.locator('header.site-header');
			const heights: string[] = [];
			for (const path of ['/', '/job/p0001/ansog']) {
				await page.goto(path);
				for (const width of WIDTHS) {
					for (const size of TEXT_SIZES) {
						await showWith(page, width, size);
						const height = Math.round((await header.boundingBox())!.height);
						heights.push(`${path} ${width} px ${size}: ${height} px`);
						expect.soft(height, `${path} ${width} px ${size}`).toBeLessThanOrEqual(170);
						// Every link and button in it stays a big target.
						for (const target of await header.locator('a, button').all()) {
							if (!(await target.isVisible())) continue;
							const box = (await target.boundingBox())!;
							expect.soft(Math.min(box.width, box.height), `${await target.textContent()} at ${width} px ${size}`).toBeGreaterThanOrEqual(48);
						}
					}
				}
			}
			console.log(`header heights (${lang}):\n${heights.join('\n')}`);
			// The first step of an application for a posting, at Meget stor on a 390 px phone.
			await page.goto('/job/p0001/ansog');
			await showWith(page, 390, 'larger');
			await expect(page.locator('.options button.option').first()).toBeInViewport({ ratio: 1 });
		});
	}
});
