import { expect, test, type Page } from '@playwright/test';
import { fakeSpeechVoices } from './helpers';

/**
 * A page drawn on the server starts from the texts it was drawn with, and i18next comes
 * at the first tap or key, at a missing text, or before the next page
 * (src/lib/i18n/client-translation.svelte.ts). These tests hold the i18next download back,
 * to see the page work before it and the missing texts follow without a gap.
 */
async function holdI18next(page: Page): Promise<() => void> {
	const held: Array<() => Promise<void>> = [];
	let holding = true;
	await page.route(/\/_app\/immutable\/chunks\/.*\.js$/, async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		const answer = () => route.fulfill({ response, body });
		if (holding && body.includes('addResourceBundle')) held.push(answer);
		else await answer();
	});
	return () => {
		holding = false;
		for (const answer of held) void answer();
	};
}

test('the job list works before i18next has arrived, and a text it was not drawn with follows', async ({ page }) => {
	const release = await holdI18next(page);
	await page.goto('/job');
	await expect(page.getByRole('heading', { level: 1, name: 'Find et job' })).toBeVisible();
	await expect(page).toHaveTitle(/job – Find et job – KLAPjob/);

	// The place filter works; the count of places found was not on the drawn page.
	await page.getByText('Hvor?').first().click();
	const search = page.getByRole('searchbox', { name: /kommune/i });
	await search.fill('aar');
	const count = page.locator('#municipality-search-count');
	await expect(count).toHaveText('');
	release();
	await expect(count).toHaveText(/kommuner passer/);
	// The drawn texts stay as they were.
	await expect(page.getByRole('heading', { level: 1, name: 'Find et job' })).toBeVisible();
});

test('going to the next page waits for i18next rather than show empty texts', async ({ page }) => {
	const release = await holdI18next(page);
	await page.goto('/job');
	await expect(page.getByRole('heading', { level: 1, name: 'Find et job' })).toBeVisible();
	const firstJob = page.locator('.cards h2 a').first();
	const title = await firstJob.innerText();
	await firstJob.click();
	// The posting is not drawn while i18next is held back: the list stays as it was...
	await page.waitForTimeout(500);
	await expect(page.getByRole('heading', { level: 1, name: 'Find et job' })).toBeVisible();
	release();
	// ...and opens with its own texts, which the job list did not have.
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Det skal du lave:' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Søg jobbet' })).toBeVisible();
});

test('a read-aloud button that comes once the voices are known has its name before i18next arrives', async ({ page }) => {
	await fakeSpeechVoices(page, ['da-DK']);
	const release = await holdI18next(page);
	await page.goto('/');
	// The button comes after the page is up, when the phone's voices are known.
	const button = page.locator('button.read-aloud').first();
	await expect(button).toBeVisible();
	await expect(button).toHaveAccessibleName(/^Læs op: ./);
	await expect(button).toHaveText('Læs op');
	release();
});
