import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, fakeSpeechVoices, highlightedText, readToEnd, spokenTexts } from './helpers';

interface GameData {
	cards: { taskId: string; text: string }[];
	jobTypes: { id: string; name: string; taskIds: string[] }[];
}

async function profileInDevice(page: Page): Promise<unknown> {
	return page.evaluate(
		() =>
			new Promise((resolve) => {
				const open = indexedDB.open('klapjob');
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('profile')) return resolve(null);
					const get = db.transaction('profile').objectStore('profile').get('me');
					get.onsuccess = () => resolve(get.result ?? null);
				};
			})
	);
}

test('Hvad kan du lide? picks job types from the answers and fills in the application', async ({ page }) => {
	const game = (await (await page.request.get('/api/game?lang=da')).json()) as GameData;
	expect(game.cards.length).toBeGreaterThanOrEqual(11);
	// Like the cards of one job type only; say no to the rest.
	const wanted = game.jobTypes.find((type) => type.id === 'animals')!;

	await page.goto('/typer');
	await page.getByRole('link', { name: /Spil: Hvad kan du lide\?/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hvad kan du lide?' })).toBeVisible();
	await page.getByRole('button', { name: 'Start spillet' }).click();
	for (const [index, card] of game.cards.entries()) {
		await expect(page.getByText(`Billede ${index + 1} af ${game.cards.length}`, { exact: true })).toBeVisible();
		await expect(page.getByRole('heading', { level: 1, name: card.text })).toBeVisible();
		if (index === 1) {
			// A wrong tap can be taken back.
			await page.getByRole('button', { name: 'Ved ikke' }).click();
			await page.getByRole('button', { name: 'Fortryd sidste svar' }).click();
			await expect(page.getByRole('heading', { level: 1, name: card.text })).toBeVisible();
		}
		const like = wanted.taskIds.includes(card.taskId);
		await page.getByRole('button', { name: like ? 'Det kan jeg lide' : 'Det kan jeg ikke lide', exact: true }).click();
	}

	await expect(page.getByRole('heading', { level: 1, name: 'Job, der passer til dig' })).toBeFocused();
	const matches = page.locator('.match');
	await expect(matches).toHaveCount(1);
	await expect(matches.getByRole('heading', { name: wanted.name })).toBeVisible();
	const likedCards = game.cards.filter((card) => wanted.taskIds.includes(card.taskId));
	for (const card of likedCards) await expect(matches.getByText(card.text)).toBeVisible();
	await expect(matches.getByRole('link', { name: 'Se ledige job' })).toHaveAttribute('href', '/job?jobType=animals');
	await expect(page.getByText('Telefonen husker dine svar.')).toBeVisible();
	expect(await profileInDevice(page)).toMatchObject({ jobTypes: ['animals'] });

	// The application starts with the liked job type already chosen.
	await page.getByRole('link', { name: 'Søg et job' }).click();
	await page.goto('/ansog?trin=lide');
	await expect(page.getByRole('heading', { name: 'Hvad kan du lide at lave?' })).toBeVisible();
	await expect(page.getByRole('button', { name: wanted.name })).toHaveAttribute('aria-pressed', 'true');
	await expect(page.locator('.options button[aria-pressed="true"]')).toHaveCount(1);
});

test('the answers can be forgotten, and class mode keeps nothing on the device', async ({ page }) => {
	await page.goto('/spil');
	await page.getByRole('button', { name: 'Start spillet' }).click();
	for (let i = 0; i < 20 && (await page.locator('.answer.like').isVisible()); i++) await page.locator('.answer.like').click();
	await expect(page.locator('.match')).toHaveCount(3);
	expect(await profileInDevice(page)).not.toBeNull();
	await page.getByRole('button', { name: 'Glem mine svar' }).click();
	await expect(page.getByText('Telefonen har glemt dine svar.')).toBeVisible();
	expect(await profileInDevice(page)).toBeNull();

	await page.goto('/spil?klasse');
	await expect(page.getByText('Appen gemmer ikke svarene.')).toBeVisible();
	await page.getByRole('button', { name: 'Start spillet' }).click();
	const picture = await page.locator('.task-picture').boundingBox();
	expect(picture!.width).toBeGreaterThanOrEqual(250);
	for (let i = 0; i < 20 && (await page.locator('.answer.like').isVisible()); i++) await page.locator('.answer.like').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Job, der passer til klassen' })).toBeVisible();
	await expect(page.getByText('Klassen kan lide:').first()).toBeVisible();
	await expect(page.getByRole('link', { name: 'Søg et job' })).toHaveCount(0);
	expect(await profileInDevice(page)).toBeNull();
});

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 1920, height: 1080 }
]) {
	test(`class mode on a ${viewport.width}×${viewport.height} classroom screen: picture beside the task, all three answers on screen without scrolling`, async ({
		page
	}, testInfo) => {
		test.skip(!!testInfo.project.use.hasTouch, 'a classroom screen: once, in the desktop project');
		await page.setViewportSize(viewport);
		// With a voice, as in a classroom: the read-aloud button takes its place too.
		await fakeSpeechVoices(page, ['da-DK']);
		const game = (await (await page.request.get('/api/game?lang=da')).json()) as GameData;
		await page.goto('/spil?klasse');
		await page.getByRole('button', { name: 'Start spillet' }).click();
		const shown = [];
		for (const [index, card] of game.cards.entries()) {
			await expect(page.getByRole('heading', { level: 1, name: card.text })).toBeVisible();
			const layout = await page.evaluate(() => {
				const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
				return {
					scrollY: window.scrollY,
					height: window.innerHeight,
					answers: Array.from(document.querySelectorAll('.answers .answer'), (answer) => answer.getBoundingClientRect().toJSON() as DOMRect),
					picture: box('.task-picture').toJSON() as DOMRect,
					task: box('.task').toJSON() as DOMRect,
					taskSize: parseFloat(getComputedStyle(document.querySelector('.task')!).fontSize),
					answerSize: parseFloat(getComputedStyle(document.querySelector('.answer')!).fontSize)
				};
			});
			shown.push({ card: card.text, answersBottom: Math.max(...layout.answers.map((a) => a.bottom)), height: layout.height });
			expect(layout.scrollY, `card ${index + 1}: the page is not scrolled`).toBe(0);
			expect(layout.answers).toHaveLength(3);
			for (const answer of layout.answers) {
				expect(answer.top, `card ${index + 1}: "${card.text}"`).toBeGreaterThanOrEqual(0);
				expect(answer.bottom, `card ${index + 1}: "${card.text}", an answer below the screen`).toBeLessThanOrEqual(layout.height);
			}
			// The picture stands beside the task and the answers, not above them.
			const besideTask = layout.picture.right <= layout.task.left || layout.picture.left >= layout.task.right;
			const besideAnswers = layout.answers.every((a) => layout.picture.right <= a.left || layout.picture.left >= a.right);
			expect(besideTask && besideAnswers, `card ${index + 1}: the picture beside the task and answers`).toBe(true);
			expect(layout.picture.width).toBeGreaterThanOrEqual(250);
			expect(layout.picture.bottom).toBeLessThanOrEqual(layout.height);
			// Still big enough to read from the back of the room.
			expect(layout.taskSize).toBeGreaterThanOrEqual(40);
			expect(layout.answerSize).toBeGreaterThanOrEqual(22);
			if (index === 0) await expectNoAxeViolations(page);
			await page.getByRole('button', { name: ['Ved ikke', 'Det kan jeg lide', 'Det kan jeg ikke lide'][index % 3], exact: true }).click();
		}
		await expect(page.getByRole('heading', { level: 1, name: 'Job, der passer til klassen' })).toBeVisible();
		testInfo.annotations.push({ type: 'answers', description: JSON.stringify(shown.slice(0, 3)) });
	});
}

test('a card can be swiped: toward "Det kan jeg lide" is yes', async ({ page }) => {
	await page.goto('/spil');
	await page.getByRole('button', { name: 'Start spillet' }).click();
	const first = (await page.locator('.task').textContent())!.trim();
	const box = (await page.locator('#game-card').boundingBox())!;
	const y = box.y + box.height / 2;
	// Swipe right (like), then a short drag that springs back.
	await page.mouse.move(box.x + 40, y);
	await page.mouse.down();
	await page.mouse.move(box.x + 200, y, { steps: 8 });
	await page.mouse.up();
	await expect(page.locator('.progress').getByText(/^Billede 2 af/)).toBeVisible();
	await expect(page.locator('.task')).not.toHaveText(first);
	await page.mouse.move(box.x + 100, y);
	await page.mouse.down();
	await page.mouse.move(box.x + 130, y, { steps: 4 });
	await page.mouse.up();
	await expect(page.locator('.progress').getByText(/^Billede 2 af/)).toBeVisible();
	await page.getByRole('button', { name: 'Fortryd sidste svar' }).click();
	await expect(page.locator('.task')).toHaveText(first);
});

test('Skærm og lyd: bigger text, strong colours and slow speech are remembered', async ({ page }) => {
	await fakeSpeechVoices(page, ['da-DK']);
	await page.goto('/');
	const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
	await page.getByRole('link', { name: 'Skærm og lyd' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Skærm og lyd' })).toBeVisible();
	await page.getByRole('radio', { name: 'Meget stor' }).check();
	await page.getByRole('radio', { name: 'Stærke farver' }).check();
	await page.getByRole('radio', { name: 'Skrift, der er let at læse' }).check();
	await page.getByRole('radio', { name: 'Nej, ingen bevægelse' }).check();
	await page.getByRole('radio', { name: 'Langsomt' }).check();
	await expect(page.getByRole('status')).toHaveText('Telefonen husker dit valg.');

	// Applied before the page is drawn, on every page, after a reload too.
	await page.goto('/');
	const html = page.locator('html');
	await expect(html).toHaveAttribute('data-text-size', 'larger');
	await expect(html).toHaveAttribute('data-contrast', 'high');
	await expect(html).toHaveAttribute('data-font', 'readable');
	await expect(html).toHaveAttribute('data-motion', 'reduce');
	const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
	expect(after / before).toBeCloseTo(1.5, 1);
	expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Atkinson Hyperlegible');
	expect(await page.evaluate(() => document.fonts.check('16px "Atkinson Hyperlegible"'))).toBe(true);
	expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(255, 255, 255)');

	await page.getByRole('button', { name: /^Læs op/ }).click();
	await expect.poll(async () => (await spokenTexts(page)).length).toBeGreaterThan(0);
	expect((await spokenTexts(page))[0]!.rate).toBe(0.7);

	await page.goto('/skaerm');
	await expect(page.getByRole('radio', { name: 'Meget stor' })).toBeChecked();
	await page.getByRole('radio', { name: 'Normal', exact: true }).check();
	await expect(html).toHaveAttribute('data-text-size', 'normal');
});

test('Arabic: the whole app reads right to left, with the catalogue in Arabic', async ({ page }) => {
	await page.context().addCookies([{ name: 'lang', value: 'ar', url: test.info().project.use.baseURL! }]);
	await fakeSpeechVoices(page, ['ar-SA']);
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\u0600-\u06FF]/);
	// Mirrored: the name of the app at the right, the page's text aligned right.
	const brand = (await page.locator('.brand').boundingBox())!;
	const width = page.viewportSize()!.width;
	expect(brand.x + brand.width).toBeGreaterThan(width * 0.6);
	expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).direction)).toBe('rtl');

	const api = (await (await page.request.get('/api/jobs?lang=ar&limit=1')).json()) as { jobs: { id: string; title: string; tasks: { text: string }[] }[] };
	const job = api.jobs[0]!;
	expect(job.title).toMatch(/[\u0600-\u06FF]/);
	await page.goto(`/job/${job.id}`);
	await expect(page.getByRole('heading', { level: 1, name: job.title })).toBeVisible();
	for (const task of job.tasks) await expect(page.getByText(task.text, { exact: true })).toBeVisible();

	// Read aloud with an Arabic voice, the Arabic sentence highlighted.
	await page.locator('[data-read-aloud="posting"]').click();
	await expect.poll(() => highlightedText(page)).toBe(job.title.replace(/[.!؟?]$/, ''));
	const sentences = await readToEnd(page);
	expect(sentences.length).toBeGreaterThan(4);
	expect((await spokenTexts(page))[0]!.lang).toBe('ar');

	const types = (await (await page.request.get('/api/job-types/retail?lang=ar')).json()) as { name: string; about: string };
	await page.goto('/typer/retail');
	await expect(page.getByRole('heading', { level: 1, name: types.name })).toBeVisible();
	await expect(page.getByText(types.about)).toBeVisible();
	expect((await page.request.get('/api/jobs?lang=xx')).status()).toBe(400);
});
