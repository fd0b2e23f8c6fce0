import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoSidewaysScroll, fakeSpeechVoices } from './helpers';
import { citizenPaths, layoutProblems, useLanguage, walkApplication, type Lang } from './layout';

/**
 * Accessibility as a test: every citizen page and every form step, in every language,
 * in light, dark and forced colours; the application by keyboard alone; 320 px wide
 * at 200 % text (the app's own text sizes: big-text.spec.ts); every target at least 48 × 48 px.
 */
const LANGS: Lang[] = ['da', 'en', 'ar'];
const SCHEMES = ['light', 'dark', 'forced-colors'] as const;

for (const lang of LANGS) {
	for (const scheme of SCHEMES) {
		// Colour schemes do not depend on the screen size: dark and forced colours run on the phone only.
		const tag = scheme === 'light' ? '' : ' @phone-only';
		test(`zero axe violations on every citizen page and form step: ${lang}, ${scheme}${tag}`, async ({ page }) => {
			test.setTimeout(120_000);
			await useLanguage(page, lang);
			// With voices, so the read-aloud buttons are on the pages and checked too.
			await fakeSpeechVoices(page, ['da-DK', 'en-GB', 'ar-SA']);
			await page.emulateMedia(scheme === 'forced-colors' ? { forcedColors: 'active' } : { colorScheme: scheme });
			for (const path of await citizenPaths(page)) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', lang);
				await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
				await expectNoAxeViolations(page);
			}
			// The game: a card, then the result.
			await page.goto('/spil');
			await page.locator('button.primary.big').click();
			await expectNoAxeViolations(page);
			for (let i = 0; i < 20 && (await page.locator('.answer.like').isVisible()); i++) await page.locator('.answer.like').click();
			await expect(page.locator('.matches')).toBeVisible();
			await expectNoAxeViolations(page);
			// Every step of the application form, then sent, my applications and the status page.
			const steps = await walkApplication(page, () => expectNoAxeViolations(page));
			expect(steps).toBeGreaterThanOrEqual(10);
			await page.locator('button.primary.big').click();
			await expect(page.locator('[data-reference]')).toBeVisible();
			await expectNoAxeViolations(page);
			await page.goto('/mine');
			await expect(page.locator('li[data-state="sent"]').first()).toBeVisible();
			await expectNoAxeViolations(page);
			await page.locator('li[data-state="sent"] a[href^="/status/"]').first().click();
			await expect(page).toHaveURL(/\/status\//);
			await expect(page.locator('ol.steps li').first()).toBeVisible();
			await expectNoAxeViolations(page);
		});
	}
}

test('strong colours (high contrast) and the largest text also pass axe', async ({ page }) => {
	// Two colour schemes × every citizen page, each with a full axe run.
	test.setTimeout(90_000);
	await page.addInitScript(() =>
		localStorage.setItem('klapjob-display', JSON.stringify({ contrast: 'high', textSize: 'larger', font: 'readable' }))
	);
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		for (const path of await citizenPaths(page)) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
			await expectNoAxeViolations(page);
		}
	}
});

/** Everything a person can press or type in, as laid out on the screen. */
async function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const small: string[] = [];
		const targets = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex="0"]');
		for (const element of targets) {
			// A radio or checkbox is pressed through its label: the label is the target.
			// A link stretched over its card (::after) has the whole card as its target.
			const after = getComputedStyle(element, '::after');
			const stretched = element.matches('a') && after.content !== 'none' && after.position === 'absolute';
			const target = element.matches('input[type="radio"], input[type="checkbox"]')
				? (element.closest('label') ?? element)
				: stretched
					? ((element.offsetParent as HTMLElement | null) ?? element)
					: element;
			const box = target.getBoundingClientRect();
			const style = getComputedStyle(target);
			const hidden = box.width === 0 || style.visibility === 'hidden' || box.bottom < 0 || target.closest('[hidden], .visually-hidden');
			if (hidden || element.matches('.skip-link')) continue;
			if (box.width < 47.5 || box.height < 47.5) {
				small.push(`${target.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
			}
		}
		return small;
	});
}

test.describe('at 320 px wide with text at 200 %', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	for (const lang of ['da', 'ar'] as const) {
		test(`no page scrolls sideways and nothing is cut off (${lang})`, async ({ page }) => {
			test.setTimeout(120_000);
			await useLanguage(page, lang);
			await fakeSpeechVoices(page, ['da-DK', 'ar-SA']);
			// The browser's own text size at 200 % (16 → 32 px), as a person would set it:
			// rem sizes and em breakpoints both follow it.
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('Page.enable');
			await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
			const check = async () => {
				expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('36px');
				expect(await layoutProblems(page), page.url()).toEqual([]);
				await expectNoSidewaysScroll(page);
			};
			for (const path of await citizenPaths(page)) {
				await page.goto(path);
				await check();
			}
			await page.goto('/spil');
			await page.locator('button.primary.big').click();
			await check();
			await walkApplication(page, check);
		});
	}
});

test('every interactive target is at least 48 × 48 px, on every page and form step', async ({ page }) => {
	test.setTimeout(120_000);
	await fakeSpeechVoices(page, ['da-DK']);
	for (const path of await citizenPaths(page)) {
		await page.goto(path);
		expect(await smallTargets(page), path).toEqual([]);
	}
	await page.goto('/job');
	for (const index of [0, 1, 2]) {
		await page.locator('summary').nth(index).click();
		expect(await smallTargets(page), `filter ${index}`).toEqual([]);
	}
	await page.goto('/spil');
	await page.locator('button.primary.big').click();
	await page.locator('.answer.like').click();
	expect(await smallTargets(page), 'game').toEqual([]);
	await walkApplication(page, async () => expect(await smallTargets(page), page.url()).toEqual([]));
});

/** Presses Tab until the focused element's name matches, then checks the focus is visible. */
async function tabTo(page: Page, name: RegExp, { backwards = false } = {}): Promise<void> {
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
		const focused = await page.evaluate(() => {
			const element = document.activeElement as HTMLElement | null;
			if (!element || element === document.body) return null;
			const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : '';
			const style = getComputedStyle(element);
			return {
				name: `${element.getAttribute('aria-label') ?? ''} ${label ?? ''} ${element.textContent ?? ''}`.replace(/\s+/g, ' ').trim(),
				outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
			};
		});
		if (focused && name.test(focused.name)) {
			expect(focused.outline, `focus on "${focused.name}" is visible`).toBe(true);
			return;
		}
	}
	throw new Error(`Tab never reached ${name}`);
}

test('the whole application can be done with the keyboard alone', async ({ page }) => {
	test.setTimeout(90_000);
	await page.goto('/job/p0001');
	await tabTo(page, /^Søg jobbet$/);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Hvem udfylder ansøgningen?' })).toBeVisible();
	// Each question takes focus, so the keyboard starts at the question.
	await expect(page.locator('#question')).toBeFocused();

	// Each new step puts the focus on its question; the person tabs on from there.
	const questionFocused = () => expect(page.locator('#question')).toBeFocused();
	const choose = async (option: RegExp) => {
		await tabTo(page, option);
		await page.keyboard.press('Enter');
		await questionFocused();
	};
	const type = async (label: RegExp, text: string) => {
		await tabTo(page, label);
		await page.keyboard.type(text);
		await page.keyboard.press('Enter');
		await questionFocused();
	};
	await choose(/^Mig selv/);
	await type(/Hvad hedder du\?/, 'Tastatur Thomsen');
	await choose(/^Ring til mig/);
	await type(/Hvad er dit telefonnummer\?/, '21436587');
	// The posting's municipality is a yes/no question, not a ready answer.
	await expect(page.getByRole('heading', { name: 'Bor du i Slagelse?' })).toBeVisible();
	await choose(/^Ja$/);
	await expect(page.getByRole('heading', { name: 'Får du førtidspension?' })).toBeVisible();
	await choose(/^Ja$/);
	await expect(page.getByRole('heading', { name: 'Hvad kan du lide at lave?' })).toBeVisible();
	await tabTo(page, /^Butik$/);
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: 'Butik' })).toHaveAttribute('aria-pressed', 'true');
	await choose(/^Næste$/);
	await choose(/^Spring over$/);
	await choose(/^5 til 10 timer$/);
	await choose(/^Spring over$/);
	await choose(/^Ja, det må I$/);
	await expect(page.getByRole('heading', { name: 'Tjek dine svar' })).toBeVisible();
	await choose(/Send ansøgningen/);
	await expect(page.getByRole('heading', { name: 'Sendt' })).toBeVisible();
	await expect(page.locator('[data-reference]')).toHaveText(/^[A-Z0-9-]{6,}$/);
});
