import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectNoAxeViolations, quickestToCheck } from './helpers';

/**
 * The form's steps as a person meets them: a helper is asked about "personen", the
 * municipality is asked (never taken from the posting), "Trin N af M" never moves its
 * finish line, the voice recorder keeps the focus and the view, and "Tjek dine svar"
 * lists what was chosen.
 */

type Lang = 'da' | 'en';

/** Words that speak to the reader. In helper mode the reader is the helper, not the applicant. */
const READER_WORDS: Record<Lang, RegExp> = {
	da: /(?<![\p{L}\p{N}])(du|dig|din|dit|dine)(?![\p{L}\p{N}])/iu,
	en: /(?<![\p{L}\p{N}])(you|your|yours|yourself)(?![\p{L}\p{N}])/iu
};

async function useLanguage(page: Page, lang: Lang) {
	await page.context().addCookies([{ name: 'lang', value: lang, url: test.info().project.use.baseURL! }]);
}

async function postingPlace(page: Page, id: string): Promise<{ code: string; name: string }> {
	const job = (await (await page.request.get(`/api/jobs/${id}`)).json()) as { municipalityCode: string; municipality: string };
	return { code: job.municipalityCode, name: job.municipality };
}

/** The lines of the page's main content (and its buttons' names) that speak to the reader. */
async function linesToTheReader(page: Page, lang: Lang): Promise<string[]> {
	const text = await page.locator('main').evaluate((main) =>
		[(main as HTMLElement).innerText, ...Array.from(main.querySelectorAll('[aria-label]'), (e) => e.getAttribute('aria-label') ?? '')].join('\n')
	);
	return text.split('\n').filter((line) => READER_WORDS[lang].test(line));
}

/** The step's progress as numbers: "Trin 7 af 12" → [7, 12]. */
async function progressNumbers(page: Page): Promise<[number, number]> {
	const text = (await page.locator('p.progress').textContent()) ?? '';
	const [, current, total] = text.match(/(\d+)\D+(\d+)/) ?? [];
	return [Number(current), Number(total)];
}

/**
 * Walks the whole form as a helper, in any language, by the steps' names in the URL:
 * pension no → fleksjob yes → the five criteria, contact by call, the municipality
 * (first "Næste" with no answer), a voice message, consent refused and then given.
 * Checks every page and every state between for words that speak to the reader.
 */
async function walkAsHelper(page: Page, lang: Lang, start: string, place: string) {
	const problems: string[] = [];
	const look = async (where: string) => {
		for (const line of await linesToTheReader(page, lang)) problems.push(`${where}: "${line}"`);
	};
	const progress: { step: string; current: number; total: number }[] = [];
	const option = (index: number) => page.locator('.options button.option').nth(index);
	const next = page.locator('.nav button.primary');

	await page.goto(start);
	for (let i = 0; i < 40; i++) {
		await expect(page.locator('p.progress, dl.answers').first()).toBeVisible();
		const url = page.url();
		const step = new URL(url).searchParams.get('trin') ?? 'hvem';
		if (step === 'tjek') {
			await expect(page.locator('dl.answers')).toBeVisible();
			await look('tjek');
			return { problems, progress };
		}
		// Each step opens with its question in focus.
		await expect(page.locator('#question')).toBeFocused();
		const [current, total] = await progressNumbers(page);
		progress.push({ step, current, total });
		await look(step);

		switch (step) {
			case 'hvem':
				await option(1).click();
				break;
			case 'hjaelper-navn':
			case 'kaldenavn':
			case 'navn':
				await page.locator('#answer').fill(step === 'navn' ? 'Beboer Bentsen' : step === 'kaldenavn' ? 'Værelse 4' : 'Hjælper Hansen');
				await next.click();
				break;
			case 'hjaelper-telefon':
			case 'telefon':
				await page.locator('#answer').fill('21 43 65 87');
				await next.click();
				break;
			case 'kommune': {
				// No answer yet: "Næste" stays on the step and says what to do.
				await next.click();
				await expect(page.locator('#error-summary')).toBeVisible();
				expect(new URL(page.url()).searchParams.get('trin')).toBe('kommune');
				await look('kommune, no answer');
				if (await page.locator('.options button.option').count()) {
					// "Bor personen i …?" — no: the list opens.
					await option(1).click();
					await expect(page.locator('#municipality-search')).toBeVisible();
					await look('kommune, the list');
				}
				await page.locator('#municipality-search').fill(place);
				await page.locator('.picker').getByRole('button').first().click();
				break;
			}
			case 'lide':
				await option(0).click();
				await option(2).click();
				await look('lide, chosen');
				await next.click();
				break;
			case 'dage':
				await option(0).click();
				await next.click();
				break;
			case 'om-dig': {
				await page.locator('#answer').fill('Kan lide at pakke varer.');
				await page.locator('.voice button').first().click();
				await expect(page.locator('.voice .recording')).toBeVisible();
				await look('om-dig, recording');
				await page.waitForTimeout(1200);
				await page.locator('.voice button').first().click();
				await expect(page.locator('.voice audio')).toBeVisible();
				await look('om-dig, recorded');
				await next.click();
				break;
			}
			case 'samtykke':
				await option(1).click();
				await expect(page.locator('.refused')).toBeVisible();
				await look('samtykke, refused');
				await option(0).click();
				break;
			default:
				// hjaelper-rolle, kontakt (call), pension (no), fleksjob (yes), the five criteria (yes), timer.
				await option(step === 'pension' ? 1 : 0).click();
		}
		await expect(page).not.toHaveURL(url);
	}
	throw new Error('The form never reached the check page');
}

/** Forward only, the finish line never moves away and the step number never goes back. */
function expectSteadyProgress(progress: { step: string; current: number; total: number }[]) {
	for (const [i, here] of progress.entries()) {
		const before = progress[i - 1];
		if (!before) continue;
		expect(here.current, `step number at ${here.step} after ${before.step}`).toBeGreaterThan(before.current);
		expect(here.total, `total at ${here.step} after ${before.step}`).toBeLessThanOrEqual(before.total);
	}
	const last = progress.at(-1)!;
	expect(last.current, 'the last step is "N af N"').toBe(last.total);
}

test.describe('a helper is asked about the person on every step', () => {
	test('from a posting: every step, the yes/no about the municipality, the recorder, the consent and the check page', async ({
		page,
		context
	}) => {
		test.setTimeout(90_000);
		await context.grantPermissions(['microphone']);
		const place = await postingPlace(page, 'p0001');
		const { problems, progress } = await walkAsHelper(page, 'da', '/job/p0001/ansog', place.name);
		expect(problems).toEqual([]);
		// Every conditional step was on the way.
		expect(progress.map((p) => p.step)).toEqual([
			'hvem', 'hjaelper-navn', 'hjaelper-rolle', 'hjaelper-telefon', 'kaldenavn', 'navn', 'kontakt', 'telefon', 'kommune', 'pension', 'fleksjob',
			'fleksjob-stu', 'fleksjob-ppr', 'fleksjob-socialService', 'fleksjob-workCapacity', 'fleksjob-partnerCompanies',
			'lide', 'dage', 'timer', 'om-dig', 'samtykke'
		]);
		expectSteadyProgress(progress);
	});

	test('without a posting: the municipality from the list', async ({ page, context }) => {
		test.setTimeout(90_000);
		await context.grantPermissions(['microphone']);
		const { problems, progress } = await walkAsHelper(page, 'da', '/ansog', 'aarhus');
		expect(problems).toEqual([]);
		expectSteadyProgress(progress);
	});

	test('in English, "the person", never "you"', async ({ page, context }) => {
		test.setTimeout(90_000);
		await context.grantPermissions(['microphone']);
		await useLanguage(page, 'en');
		const place = await postingPlace(page, 'p0001');
		const { problems, progress } = await walkAsHelper(page, 'en', '/job/p0001/ansog', place.name);
		expect(problems).toEqual([]);
		expectSteadyProgress(progress);
	});
});

test('a choice tapped before the page\'s code has run is not lost: it comes as ?svar=… and the form goes on', async ({ page }) => {
	// A slow phone: the first step is on screen from the server, its code still on the way.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/job/p0001/ansog', { waitUntil: 'commit' });
	await page.getByRole('button', { name: 'Mig selv' }).click({ noWaitAfter: true });
	await expect(page).toHaveURL(/trin=hvem&svar=self/);
	release();

	await expect(page.getByLabel('Hvad hedder du?', { exact: true })).toBeVisible();
	// The answer is the draft's, and the URL is the step's own (Back does not tap again).
	await expect(page).toHaveURL(/\?trin=navn$/);
	await page.getByRole('button', { name: 'Tilbage' }).click();
	await expect(page.getByRole('button', { name: 'Mig selv' })).toHaveAttribute('aria-pressed', 'true');
	await expect(page).toHaveURL(/\?trin=hvem$/);

	// Anything else in ?svar= is not an answer: the step is asked as usual.
	await page.goto('/job/p0001/ansog?trin=hvem&svar=evil');
	await expect(page).toHaveURL(/\?trin=hvem$/);
	await expect(page.getByRole('button', { name: 'Mig selv' })).toBeVisible();
});

test('the municipality is asked, not taken from the posting: "Næste" without an answer stays, yes and no both work', async ({
	page
}) => {
	test.setTimeout(60_000);
	const place = await postingPlace(page, 'p0001');
	await page.goto('/job/p0001/ansog');
	await page.getByRole('button', { name: 'Mig selv' }).click();
	await page.getByLabel('Hvad hedder du?', { exact: true }).fill('Kommune Kristensen');
	await page.getByRole('button', { name: 'Næste' }).click();
	await page.getByRole('button', { name: 'Send en SMS til mig' }).click();
	await page.getByLabel('Hvad er dit telefonnummer?', { exact: true }).fill('31 42 53 64');
	await page.getByRole('button', { name: 'Næste' }).click();

	// The posting's place is a question, with nothing chosen.
	const confirm = page.getByRole('heading', { name: `Bor du i ${place.name}?` });
	await expect(confirm).toBeVisible();
	await expect(page.getByText(/Valgt:/)).toHaveCount(0);
	const yes = page.getByRole('group').getByRole('button', { name: 'Ja' });
	await expect(yes).toHaveAttribute('aria-pressed', 'false');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Næste' }).click();
	await expect(page.getByRole('alert')).toContainText('Vælg et af svarene.');
	await expect(page.locator('#error-summary')).toBeFocused();
	await expect(page).toHaveURL(/trin=kommune/);
	await expect(confirm).toBeVisible();
	await expectNoAxeViolations(page);

	// Yes: the posting's municipality, and on to the next question.
	await yes.click();
	await expect(page.getByRole('heading', { name: 'Får du førtidspension?' })).toBeVisible();
	await page.getByRole('button', { name: 'Tilbage' }).click();
	await expect(confirm).toBeVisible();
	await expect(yes).toHaveAttribute('aria-pressed', 'true');

	// No: the list opens, and the answer is cleared until a municipality is chosen.
	await page.getByRole('button', { name: 'Nej', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Hvor bor du?' })).toBeVisible();
	await expect(page.locator('#question')).toBeFocused();
	await page.getByRole('button', { name: 'Næste' }).click();
	await expect(page.getByRole('alert')).toContainText('Vælg din kommune.');
	await expect(page).toHaveURL(/trin=kommune/);
	await expectNoAxeViolations(page);
	await page.getByLabel('Skriv navnet på kommunen').fill('aarhus');
	await page.getByRole('button', { name: 'Aarhus' }).click();

	await quickestToCheck(page);
	await expect(page.getByRole('heading', { name: 'Tjek dine svar' })).toBeVisible();
	await expect(page.locator('.row', { hasText: 'Hvor bor du?' }).locator('dd').first()).toHaveText('Aarhus');
	await page.getByRole('button', { name: 'Send ansøgningen' }).click();
	await expect(page.getByRole('heading', { name: 'Sendt' })).toBeVisible();

	// The application the server took in is Aarhus's, and routed to Aarhus's consultant.
	const db = new Database(process.env.E2E_DATABASE_FILE!, { readonly: true });
	try {
		const row = db
			.prepare(
				"select a.municipality_code, a.consultant_id, m.consultant_id as expected from applications a join municipalities m on m.code = a.municipality_code where json_extract(a.answers, '$.name') = 'Kommune Kristensen'"
			)
			.get() as { municipality_code: string; consultant_id: string; expected: string };
		expect(row.municipality_code).toBe('751');
		expect(row.consultant_id).toBe(row.expected);
	} finally {
		db.close();
	}
});

test.describe('the voice message', () => {
	test.use({ permissions: ['microphone'] });

	test('keeps the focus on the next thing to press, stays in view and shows its real length', async ({ page }) => {
		test.setTimeout(60_000);
		// The largest text, so the recorder starts below the fold on a phone.
		await page.addInitScript(() => localStorage.setItem('klapjob-display', JSON.stringify({ textSize: 'larger' })));
		await page.goto('/ansog?trin=om-dig');
		const record = page.getByRole('button', { name: 'Indtal en besked' });
		await expect(record).toBeVisible();
		// Scrolled as a person would, just far enough to see the button at the bottom of the screen.
		await record.evaluate((button) => window.scrollBy(0, button.getBoundingClientRect().bottom - window.innerHeight + 4));
		await record.click();

		const status = page.locator('.voice [role="status"]');
		await expect(page.getByRole('button', { name: 'Stop' })).toBeFocused();
		await expect(status).toHaveText(/Vi optager nu\./);
		// All of it (less a rounding of a pixel).
		await expect(page.locator('section.voice')).toBeInViewport({ ratio: 0.99 });
		await page.waitForTimeout(2000);
		await page.keyboard.press('Enter');

		// Stopped: the player takes the focus, and the status says the message is kept and how long it is.
		await expect(page.locator('.voice audio')).toBeFocused();
		await expect(status).toContainText('Beskeden er gemt.');
		const [, minutes, seconds] = ((await status.textContent()) ?? '').match(/(\d+):(\d\d)/) ?? [];
		expect(Number(minutes) * 60 + Number(seconds)).toBeGreaterThanOrEqual(1);
		await expect(page.locator('section.voice')).toBeInViewport();
		// The recording itself knows its length, so the player (here and for staff) shows it too.
		await expect
			.poll(() => page.locator('.voice audio').evaluate((audio: HTMLAudioElement) => audio.duration))
			.toBeGreaterThan(1);
		expect(await page.locator('.voice audio').evaluate((audio: HTMLAudioElement) => Number.isFinite(audio.duration))).toBe(true);
		await expectNoAxeViolations(page);

		// Deleted: the focus goes back to recording.
		await page.getByRole('button', { name: 'Slet beskeden' }).click();
		await expect(record).toBeFocused();
	});
});

test('"Tjek dine svar" lists the chosen job types and days one per line, each type with its picture', async ({ page }) => {
	test.setTimeout(60_000);
	await page.goto('/ansog?trin=lide');
	await page.getByRole('button', { name: 'Butik' }).click();
	await page.getByRole('button', { name: 'Lager, kantine og fabrik' }).click();
	await page.getByRole('button', { name: 'Heste og dyr' }).click();
	await page.getByRole('button', { name: 'Næste' }).click();
	await page.getByRole('button', { name: 'Mandag' }).click();
	await page.getByRole('button', { name: 'Torsdag' }).click();
	await page.getByRole('button', { name: 'Næste' }).click();
	await expect(page.getByRole('heading', { name: 'Hvor mange timer kan du arbejde om ugen?' })).toBeVisible();
	await page.goto('/ansog?trin=tjek');

	const likes = page.locator('.row', { hasText: 'Hvad kan du lide at lave?' }).locator('li');
	await expect(likes).toHaveText(['Butik', 'Lager, kantine og fabrik', 'Heste og dyr']);
	for (const item of await likes.all()) await expect(item.locator('img')).toHaveCount(1);
	const days = page.locator('.row', { hasText: 'Hvilke dage kan du arbejde?' }).locator('li');
	await expect(days).toHaveText(['Mandag', 'Torsdag']);
	await expectNoAxeViolations(page);
});

test('a tap on a touch screen leaves no colour on the answer at the same place on the next step', async ({ page }, testInfo) => {
	test.skip(!testInfo.project.use.hasTouch, 'a finger is on a touch screen only');
	/** The option under the point, and whether it looks like the others (nothing is chosen yet). */
	const optionUnder = (x: number, y: number) =>
		page.evaluate(
			([x, y]) => {
				const under = document.elementFromPoint(x, y)?.closest('.options .option');
				const colours = Array.from(document.querySelectorAll('.options .option'), (option) => getComputedStyle(option).backgroundColor);
				return { text: under?.textContent?.trim(), colour: under && getComputedStyle(under).backgroundColor, others: colours };
			},
			[x, y] as const
		);

	await page.goto('/ansog?trin=pension');
	// "Nej" on one yes/no question, then "Ja" on the next: both lead to another yes/no question.
	for (const [answer, next] of [['Nej', 'fleksjob'], ['Ja', 'fleksjob-stu']] as const) {
		await expect(page.locator('#question')).toBeFocused();
		const box = (await page.getByRole('button', { name: answer, exact: true }).boundingBox())!;
		const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
		await page.touchscreen.tap(x, y);
		await expect(page).toHaveURL(new RegExp(`trin=${next}$`));
		await expect(page.locator('#question')).toBeFocused();
		const under = await optionUnder(x, y);
		expect(under.text, 'an answer lies under the finger').toBeTruthy();
		expect(new Set(under.others).size, `the answers on ${next} look alike: ${under.others.join(', ')}`).toBe(1);
		expect(under.colour).toBe(under.others[0]);
	}
});
