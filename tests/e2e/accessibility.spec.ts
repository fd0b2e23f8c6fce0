import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoSidewaysScroll, fakeSpeechVoices } from './helpers';

/**
 * Accessibility as a test: every citizen page and every form step, in every language,
 * in light, dark and forced colours; the application by keyboard alone; 320 px wide
 * at 200 % text; every target at least 48 × 48 px.
 */
type Lang = 'da' | 'en' | 'ar';
const LANGS: Lang[] = ['da', 'en', 'ar'];
const SCHEMES = ['light', 'dark', 'forced-colors'] as const;

async function useLanguage(page: Page, lang: Lang) {
	await page.context().addCookies([{ name: 'lang', value: lang, url: test.info().project.use.baseURL! }]);
}

async function firstPostingId(page: Page): Promise<string> {
	const body = (await (await page.request.get('/api/jobs?limit=1')).json()) as { jobs: { id: string }[] };
	return body.jobs[0]!.id;
}

/** Every page a citizen can open. The status page needs a sent application: see below. */
async function citizenPaths(page: Page): Promise<string[]> {
	const id = await firstPostingId(page);
	return ['/', '/job', '/job?jobType=retail&municipality=330', '/job?q=ingenting-passer-her', `/job/${id}`, `/job/${id}/ansog`, '/ansog', '/typer', '/typer/retail', '/spil', '/spil?klasse', '/skaerm', '/mine', '/om', '/job/findes-ikke'];
}

/**
 * Walks the application form in any language without knowing its words: the first
 * choice on each question, something typed in each field. Calls `onStep` on each
 * step and on the check page; stops there (nothing is sent).
 */
async function walkApplication(page: Page, onStep: () => Promise<void>): Promise<number> {
	await page.goto('/ansog');
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
			await page.locator('.options button.option').first().click();
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

/** Something sticking out past the screen's edge, or text cut off inside its box. */
async function cutOff(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const width = document.documentElement.clientWidth;
		for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
			if (element.closest('.visually-hidden, [hidden], .skip-link, .settings-label')) continue;
			const box = element.getBoundingClientRect();
			// 1 × 1 px: text for screen readers only (the page-change announcer, say).
			if (box.width <= 1 || box.height <= 1) continue;
			const name = `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? '').trim().slice(0, 30)}"`;
			if (box.right > width + 1 || box.left < -1) problems.push(`${name} sticks out (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
			const style = getComputedStyle(element);
			// A text field scrolls its own text, as every text field does: not cut off.
			const clips =
				!element.matches('input, textarea') &&
				(['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY));
			if (clips && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)) {
				problems.push(`${name} cuts off its content`);
			}
		}
		return problems;
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
				await expectNoSidewaysScroll(page);
				expect(await cutOff(page), page.url()).toEqual([]);
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
	await expect(page.getByRole('heading', { name: 'Hvor bor du?' })).toBeVisible();
	await choose(/^Næste$/);
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
