import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoSidewaysScroll, fakeSpeechVoices, finishSentence, highlightedText, readToEnd, spokenTexts } from './helpers';

async function useLanguage(page: Page, lang: 'da' | 'en') {
	await page.context().addCookies([{ name: 'lang', value: lang, url: test.info().project.use.baseURL! }]);
}

async function firstPostingId(page: Page): Promise<string> {
	const body = (await (await page.request.get('/api/jobs?limit=1')).json()) as { jobs: { id: string }[] };
	return body.jobs[0]!.id;
}

test('the start page offers three big picture buttons that all lead somewhere', async ({ page }) => {
	await page.goto('/');
	const nav = page.getByRole('navigation', { name: 'Menu' });
	const links = nav.getByRole('link');
	await expect(links).toHaveCount(3);
	for (const name of ['Find et job', 'Se typer af job', 'Mine ansøgninger']) {
		const link = nav.getByRole('link', { name: new RegExp(name) });
		const box = await link.boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(48);
		expect(box!.width).toBeGreaterThanOrEqual(48);
		await expect(link.locator('img')).toHaveAttribute('src', /\/pictures\/.+\.svg/);
	}
	for (const href of ['/job', '/typer', '/mine']) {
		const response = await page.request.get(href);
		expect(response.status(), href).toBe(200);
	}
	await expectNoSidewaysScroll(page);
});

test('a person browses the list, shows more jobs and opens a posting', async ({ page }) => {
	await page.goto('/job');
	await expect(page.getByRole('heading', { level: 1, name: 'Find et job' })).toBeVisible();
	await expect(page.getByText(/Vi har \d+ job til dig\./)).toBeVisible();
	const cards = page.getByRole('article');
	await expect(cards).toHaveCount(10);
	await page.getByRole('link', { name: 'Vis flere job' }).click();
	await expect(cards).toHaveCount(20);
	await expect(page).toHaveURL(/vis=20/);

	const firstTitle = (await cards.first().getByRole('heading', { level: 2 }).textContent())!.trim();
	await cards.first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name: firstTitle })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Det skal du lave:' })).toBeVisible();
	const tasks = page.locator('.tasks li');
	expect(await tasks.count()).toBeGreaterThanOrEqual(3);
	for (const task of await tasks.all()) {
		await expect(task.locator('img')).toHaveAttribute('src', /\/pictures\/.+\.svg/);
		// The text beside the picture says it all, so the picture is decorative.
		await expect(task.locator('img')).toHaveAttribute('alt', '');
	}
	await expect(page.getByText(/Du skal have førtidspension/)).toBeVisible();
	await expect(page.getByRole('link', { name: /^Ring til \w+/ })).toHaveAttribute('href', /^tel:\+45\d{8}$/);
	const apply = page.getByRole('link', { name: 'Søg jobbet' });
	const applyBox = await apply.boundingBox();
	expect(applyBox!.height).toBeGreaterThanOrEqual(48);
	await apply.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hvem udfylder ansøgningen?' })).toBeVisible();
});

test('filtering by job type keeps the choice in the URL and shows only that type', async ({ page }) => {
	await page.goto('/job');
	await page.getByText('Hvilket job?').click();
	await page.getByRole('link', { name: /Restaurant/ }).click();
	await expect(page).toHaveURL(/jobType=hospitality/);
	const api = (await (await page.request.get('/api/jobs?jobType=hospitality')).json()) as { total: number };
	await expect(page.getByText(`${api.total} job passer til dit valg.`)).toBeVisible();
	const cards = page.getByRole('article');
	await expect(cards).toHaveCount(Math.min(10, api.total));
	for (const picture of await cards.locator('img.type').all()) {
		await expect(picture).toHaveAttribute('alt', /Restaurant/);
	}
	// The link can be shared: opening it anew shows the same choice.
	const sharedUrl = page.url();
	await page.goto(sharedUrl);
	await expect(page.getByText(`${api.total} job passer til dit valg.`)).toBeVisible();
});

test('a person who cannot spell finds the municipality by its first letters', async ({ page }) => {
	await page.goto('/job?jobType=retail');
	await page.getByText('Hvor?').click();
	const search = page.getByLabel('Skriv navnet på din kommune');
	await search.fill('koge');
	await expect(page.getByRole('link', { name: 'Køge' })).toBeVisible();
	await expect(page.getByText('1 kommune passer.')).toBeVisible();
	await search.fill('slag');
	await expect(page.getByRole('heading', { name: 'Sjælland', level: 3 })).toBeVisible();
	await page.getByRole('link', { name: 'Slagelse' }).click();
	await expect(page).toHaveURL(/jobType=retail/);
	await expect(page).toHaveURL(/municipality=330/);
	const api = (await (await page.request.get('/api/jobs?jobType=retail&municipality=330')).json()) as { total: number };
	expect(api.total).toBeGreaterThan(0);
	await expect(page.getByText(new RegExp(`^${api.total} job passer`))).toBeVisible();
	await expect(page.getByText('Slagelse').first()).toBeVisible();
});

test('a whole region can be chosen, and hours narrow the list', async ({ page }) => {
	await page.goto('/job');
	await page.getByText('Hvor?').click();
	await page.getByRole('link', { name: 'Hele region Nordjylland' }).click();
	await expect(page).toHaveURL(/region=Nordjylland/);
	await page.getByText('Hvor mange timer?').click();
	await page.getByRole('link', { name: 'Højst 10 timer om ugen' }).click();
	await expect(page).toHaveURL(/maxHours=10/);
	await expect(page).toHaveURL(/region=Nordjylland/);
	const api = (await (await page.request.get('/api/jobs?region=Nordjylland&maxHours=10')).json()) as { total: number };
	await expect(page.getByText(new RegExp(`^${api.total} job passer`))).toBeVisible();
});

test('when nothing fits, the page says so and offers all jobs', async ({ page }) => {
	await page.goto('/job?q=ingenting-passer-her');
	await expect(page.getByText('Vi har ikke et job, der passer.')).toBeVisible();
	await page.getByRole('link', { name: 'Se alle job' }).click();
	await expect(page.getByText(/Vi har \d+ job til dig\./)).toBeVisible();
	await expect(page.getByRole('article')).toHaveCount(10);
});

test('the language switch changes the page and is remembered', async ({ page }) => {
	await page.goto('/job');
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1, name: 'Find a job' })).toBeVisible();
	await expect(page).toHaveURL(/\/job$/);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Find a job' })).toBeVisible();
	// Titles and tasks come from the catalogue in English.
	await page.getByRole('article').first().getByRole('link').click();
	await expect(page.getByRole('heading', { name: 'What you will do:' })).toBeVisible();
	await page.getByRole('button', { name: 'Dansk' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'da');
	await expect(page.getByRole('heading', { name: 'Det skal du lave:' })).toBeVisible();
});

test('a page speaks its own language to the end: nothing in the main part is in another', async ({ page }) => {
	test.setTimeout(60_000);
	for (const lang of ['da', 'en'] as const) {
		await useLanguage(page, lang);
		for (const path of ['/', '/om', '/typer', '/job/p0001', '/skaerm']) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			const foreign = await page.locator('main [lang]').evaluateAll((elements, pageLang) =>
				elements.filter((element) => element.getAttribute('lang') !== pageLang).map((element) => element.textContent?.trim()),
			lang);
			expect(foreign, `${lang} ${path}`).toEqual([]);
		}
	}
	// The pictures' licence is said in words too, not only in English.
	await useLanguage(page, 'da');
	await page.goto('/om');
	await expect(page.getByText('Begge har MIT-licensen.')).toBeVisible();
});

test('read aloud speaks the posting in the page language, and hides without a voice', async ({ page }) => {
	const id = await firstPostingId(page);
	await page.goto(`/job/${id}`);
	await expect(page.locator('h1')).toBeVisible();
	await expect(page.getByRole('button', { name: /Læs op/ })).toHaveCount(0);

	await fakeSpeechVoices(page, ['da-DK']);
	await page.goto(`/job/${id}`);
	const title = (await page.locator('h1').textContent())!.trim();
	const button = page.getByRole('button', { name: `Læs op: ${title}` });
	await button.click();
	// One sentence at a time, each highlighted where it stands while it is read.
	await expect.poll(() => highlightedText(page)).toBe(title);
	const first = await spokenTexts(page);
	expect(first).toHaveLength(1);
	expect(first[0]!.lang).toBe('da-DK');
	expect(first[0]!.rate).toBe(0.9);
	await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
	await finishSentence(page);
	await expect.poll(async () => (await spokenTexts(page)).length).toBe(2);
	const second = (await spokenTexts(page))[1]!.text;
	await expect.poll(() => highlightedText(page)).toBe(second.replace(/\.$/, ''));

	const sentences = await readToEnd(page);
	expect(sentences[0]).toBe(`${title}.`);
	expect(sentences).toContain('Det skal du lave:');
	await expect(page.getByRole('button', { name: `Læs op: ${title}` })).toBeVisible();
	expect(await highlightedText(page)).toBeNull();

	// English page, Danish voice only: no button, rather than Danish sounds for English words.
	await useLanguage(page, 'en');
	await page.goto(`/job/${id}`);
	await expect(page.getByRole('heading', { name: 'What you will do:' })).toBeVisible();
	await expect(page.getByRole('button', { name: /Read aloud/ })).toHaveCount(0);
});

test('list cards can be read aloud one by one', async ({ page }) => {
	await fakeSpeechVoices(page, ['da-DK', 'en-GB']);
	await page.goto('/job');
	const card = page.getByRole('article').nth(1);
	const title = (await card.getByRole('heading').textContent())!.trim();
	await card.getByRole('button', { name: `Læs op: ${title}` }).click();
	const spoken = (await readToEnd(page)).join(' ');
	expect(spoken).toMatch(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. .+\\. \\d+ timer? om ugen\\.$`));
});

test('Del copies the link where the phone has no share sheet', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'share', { value: undefined, configurable: true });
		const copied: string[] = [];
		Object.defineProperty(window, '__copied', { value: copied });
		Object.defineProperty(navigator, 'clipboard', {
			value: { writeText: async (text: string) => void copied.push(text) },
			configurable: true
		});
	});
	const id = await firstPostingId(page);
	await page.goto(`/job/${id}`);
	await page.getByRole('button', { name: 'Del jobbet' }).click();
	await expect(page.getByText('Linket er kopieret. Sæt det ind i en besked.')).toBeVisible();
	const copied = await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
	expect(copied).toEqual([page.url()]);
});

test('an unknown posting gets a kind page with a way on', async ({ page }) => {
	const response = await page.goto('/job/findes-ikke');
	expect(response!.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Vi kan ikke finde siden' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Find et andet job' })).toBeVisible();
});

// Every page in every language and colour scheme: accessibility.spec.ts. Here: the filter panels.
for (const lang of ['da', 'en'] as const) {
	test(`each filter panel, open, has zero axe violations (WCAG 2.2 AA) in ${lang}`, async ({ page }) => {
		await useLanguage(page, lang);
		await page.goto('/job');
		// One at a time; the place panel with a search typed.
		for (const index of [0, 2, 1]) {
			await page.locator('summary').nth(index).click();
			if (index === 1) await page.locator('#municipality-search').fill('hol');
			await expectNoAxeViolations(page);
			await expectNoSidewaysScroll(page);
		}
	});
}

test('STU students explore the kinds of jobs and go on to the open ones', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Se typer af job' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Se typer af job' })).toBeVisible();
	const cards = page.locator('.types a');
	await expect(cards).toHaveCount(11);
	for (const card of await cards.all()) {
		const box = await card.boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(48);
	}
	await page.getByRole('link', { name: 'Heste og dyr' }).click();
	await expect(page.getByRole('heading', { name: 'Hvad laver man?' })).toBeVisible();
	const tasks = page.locator('.tasks li');
	expect(await tasks.count()).toBeGreaterThanOrEqual(4);
	expect(await tasks.count()).toBeLessThanOrEqual(8);
	for (const task of await tasks.all()) await expect(task.locator('img')).toHaveAttribute('src', /\/pictures\/.+\.svg/);
	const api = (await (await page.request.get('/api/jobs?jobType=animals')).json()) as { total: number };
	await page.getByRole('link', { name: new RegExp(`^Se ${api.total} ledige? job$`) }).click();
	await expect(page).toHaveURL(/jobType=animals/);
	await expect(page.getByText(`${api.total} job passer til dit valg.`)).toBeVisible();
	expect((await page.request.get('/api/job-types/findes-ikke')).status()).toBe(404);
});
