import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { expectNoAxeViolations, indexedDbStores, quickestToCheck } from './helpers';

/**
 * A shared phone at a bosted: a helper sends for several residents, one after the
 * other. Each resident takes their receipt along (QR code, text message, paper) and
 * leaves nothing for the next to open; the helper's own details are remembered until
 * she says she is done, and then nothing is left.
 */

const HELPER = { name: 'Hanne Hjælper', phone: '+45 33 44 55 66', digits: '33445566' };

interface Resident {
	label: string;
	name: string;
	contact: 'Send en SMS til personen' | 'Ring til personen' | 'Kontakt mig, der hjælper';
	phone?: string;
	municipality: string;
}

const ANNA: Resident = { label: 'Anna', name: 'Anna Andersen', contact: 'Send en SMS til personen', phone: '29 17 48 62', municipality: 'Slagelse' };
const BO: Resident = { label: 'Værelse 4', name: 'Bo Bertelsen', contact: 'Kontakt mig, der hjælper', municipality: 'Aarhus' };

/** The largest text, as the app's "Meget stor" sets it: the screenshots show the hardest case. */
async function biggestText(page: Page) {
	await page.addInitScript(() => localStorage.setItem('klapjob-display', '{"textSize":"larger"}'));
}

/** The whole page, one screen at a time (a long page in one picture is too small to judge). */
async function screenshot(page: Page, name: string) {
	if (test.info().project.name !== 'phone') return;
	const height = await page.evaluate(() => document.documentElement.scrollHeight);
	const viewport = page.viewportSize()!;
	for (let y = 0, part = 1; y < height && part <= 6; y += viewport.height, part++) {
		await page.screenshot({
			path: test.info().outputPath(`${name}-${part}.png`),
			fullPage: true,
			clip: { x: 0, y, width: viewport.width, height: Math.min(viewport.height, height - y) }
		});
	}
}

/** The helper's own three questions, typed the first time only. */
async function helperSteps(page: Page) {
	await page.getByRole('button', { name: 'Jeg hjælper en anden' }).click();
	await page.getByLabel('Hvad hedder hjælperen?', { exact: true }).fill(HELPER.name);
	await page.getByRole('button', { name: 'Næste' }).click();
	await page.getByRole('button', { name: 'Jeg arbejder på et bosted' }).click();
	await page.getByLabel('Hvad er hjælperens telefonnummer?', { exact: true }).fill(HELPER.phone);
	await page.getByRole('button', { name: 'Næste' }).click();
}

/** From the label question to "Tjek svarene". */
async function fillResident(page: Page, resident: Resident, { checkLabel = false } = {}) {
	await expect(page.getByRole('heading', { name: 'Hvad skal ansøgningen hedde på telefonen?' })).toBeVisible();
	const field = page.getByLabel('Hvad skal ansøgningen hedde på telefonen?', { exact: true });
	if (checkLabel) {
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Næste' }).click();
		await expect(page.getByRole('alert')).toContainText('Skriv et navn.');
		// At most 30 characters: the field takes no more.
		await field.fill('x'.repeat(40));
		await expect(field).toHaveValue('x'.repeat(30));
	}
	await field.fill(resident.label);
	await page.getByRole('button', { name: 'Næste' }).click();

	await page.getByLabel('Hvad hedder personen, der søger?', { exact: true }).fill(resident.name);
	await page.getByRole('button', { name: 'Næste' }).click();
	await page.getByRole('button', { name: resident.contact }).click();
	if (resident.phone) {
		await page.getByLabel('Hvad er personens telefonnummer?', { exact: true }).fill(resident.phone);
		await page.getByRole('button', { name: 'Næste' }).click();
	}
	await page.getByLabel('Skriv navnet på kommunen').fill(resident.municipality.toLowerCase());
	await page.getByRole('button', { name: resident.municipality, exact: true }).click();
	await quickestToCheck(page);
	await expect(page.getByRole('heading', { name: 'Tjek svarene' })).toBeVisible();
	await expect(page.getByText(resident.label, { exact: true })).toBeVisible();
}

async function send(page: Page, resident: Resident) {
	await page.getByRole('button', { name: 'Send ansøgningen' }).click();
	await expect(page.getByRole('heading', { name: 'Sendt' })).toBeVisible();
	await expect(page.getByText(`Ansøgning for ${resident.label}`)).toBeVisible();
}

/** Reads a QR code as a phone's camera would: the drawn picture, decoded by jsQR. */
async function decodeQr(qr: Locator): Promise<string | undefined> {
	await expect(qr.locator('svg')).toBeVisible();
	const image = await qr.evaluate(async (element) => {
		const source = new XMLSerializer().serializeToString(element.querySelector('svg')!);
		const picture = new Image();
		picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
		await picture.decode();
		const size = 400;
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = size;
		const context = canvas.getContext('2d')!;
		context.drawImage(picture, 0, 0, size, size);
		return { size, data: Array.from(context.getImageData(0, 0, size, size).data) };
	});
	return jsQR(Uint8ClampedArray.from(image.data), image.size, image.size)?.data;
}

async function localStorageText(page: Page): Promise<string> {
	return page.evaluate(() => JSON.stringify({ ...localStorage }));
}

test('a helper sends for two residents on one phone, hands over, and leaves nothing behind', async ({ page, baseURL }) => {
	test.setTimeout(240_000);
	await biggestText(page);
	await page.goto('/ansog');

	// Anna: the helper types her own details once.
	await helperSteps(page);
	await fillResident(page, ANNA, { checkLabel: true });
	await send(page, ANNA);
	const annaReference = (await page.locator('[data-reference]').textContent())!.trim();

	// What happens next, in Anna's way of contact (SMS), with a time and the consultant of Slagelse.
	const next = page.locator('[data-next-step]');
	await expect(next).toContainText('Vi læser ansøgningen.');
	await expect(next).toContainText('Henrik sender en SMS til personen inden for 2 uger.');
	await expect(next).not.toContainText(/\b(din|dig)\b/);
	const call = next.getByRole('link', { name: /Ring til Henrik/ });
	await expect(call).toHaveAttribute('href', 'tel:+4529174862');
	const box = (await call.boundingBox())!;
	expect(box.height).toBeGreaterThanOrEqual(48);
	expect(box.width).toBeGreaterThanOrEqual(48);

	// Take along: the QR code holds the status link; the text message the reference and the link.
	const annaLink = await decodeQr(page.getByRole('img', { name: 'QR-kode til siden om ansøgningen' }));
	expect(annaLink).toMatch(new RegExp(`^${baseURL}/status/[A-Za-z0-9_-]{20,64}$`));
	const sms = await page.getByRole('link', { name: 'Send som SMS' }).getAttribute('href');
	expect(sms).toMatch(/^sms:\?&body=/);
	const body = decodeURIComponent(sms!.slice(sms!.indexOf('body=') + 5));
	expect(body).toContain(annaReference);
	expect(body).toContain(annaLink);
	await expectNoAxeViolations(page);
	await screenshot(page, 'receipt');

	// The resident's own page: the next step, said to "du".
	const status = await page.context().newPage();
	await status.goto(annaLink!);
	await expect(status.getByRole('heading', { name: 'Det sker nu' })).toBeVisible();
	await expect(status.locator('[data-next-step]')).toContainText('Henrik sender en SMS til dig inden for 2 uger.');
	await expect(status.getByRole('link', { name: /Ring til Henrik/ })).toHaveAttribute('href', 'tel:+4529174862');
	// The service worker, which kept the pages seen so far, keeps no status page: the
	// next resident cannot open it from the phone's cache.
	const kept = await status.evaluate(async () => {
		const names = await caches.keys();
		const lists = await Promise.all(names.map(async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname)));
		return { controlled: Boolean(navigator.serviceWorker.controller), paths: lists.flat() };
	});
	expect(kept.controlled).toBe(true);
	expect(kept.paths.filter((path) => path.startsWith('/status/'))).toEqual([]);
	await status.close();

	// Bo, without a hand-over in between: the helper's details are there, she may change them.
	await page.goto('/ansog');
	await expect(page.getByRole('heading', { name: `Hjælperen er ${HELPER.name}` })).toBeVisible();
	await expect(page.getByText('33 44 55 66')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Nej, skift' }).click();
	await expect(page.getByRole('button', { name: 'Jeg hjælper en anden' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: 'Jeg hjælper en anden' }).click();
	await expect(page.getByLabel('Hvad hedder hjælperen?', { exact: true })).toHaveValue(HELPER.name);
	await page.getByRole('button', { name: 'Næste' }).click();
	await expect(page.getByRole('button', { name: 'Jeg arbejder på et bosted' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: 'Næste' }).click();
	await expect(page.getByLabel('Hvad er hjælperens telefonnummer?', { exact: true })).toHaveValue(HELPER.digits);
	await page.getByRole('button', { name: 'Næste' }).click();
	// Not Anna's label again: the helper writes Bo's.
	await expect(page.getByLabel('Hvad skal ansøgningen hedde på telefonen?', { exact: true })).toHaveValue('');
	await fillResident(page, BO);
	await send(page, BO);
	await expect(page.locator('[data-next-step]')).toContainText('Thomas ringer til dig inden for 2 uger.');

	// Mine ansøgninger: each resident under their label, in the helper's words.
	await page.goto('/mine');
	await expect(page.getByRole('heading', { name: 'Ansøgning for Anna' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Ansøgning for Værelse 4' })).toBeVisible();
	await expect(page.getByText(`Du hjælper som ${HELPER.name}.`)).toBeVisible();
	await expect(page.getByText('Vi har fået ansøgningen.')).toHaveCount(2);
	await expect(page.locator('main')).not.toContainText(/\b(din|dig|dine)\b/);
	await expect(page.getByRole('link', { name: /Se hele forløbet/ })).toHaveCount(2);
	await expectNoAxeViolations(page);
	await screenshot(page, 'mine-two-residents');

	// The hand-over: each receipt with its take-along, then they leave the device.
	await page.getByRole('link', { name: 'Ny ansøgning for en anden person' }).click();
	await expect(page.getByRole('heading', { name: 'Før den næste person' })).toBeVisible();
	await expect(page.getByRole('img', { name: 'QR-kode til siden om ansøgningen' })).toHaveCount(2);
	await expect(page.locator(`[data-receipt="${annaReference}"]`)).toContainText('Henrik sender en SMS til personen');
	expect(await decodeQr(page.locator(`[data-receipt="${annaReference}"]`).getByRole('img', { name: 'QR-kode til siden om ansøgningen' }))).toBe(annaLink);
	await expectNoAxeViolations(page);
	await screenshot(page, 'hand-over');
	expect(await indexedDbStores(page).then((stores) => JSON.stringify(stores.receipts))).toContain(annaReference);
	await page.getByRole('button', { name: 'Fjern dem og hjælp den næste' }).click();

	// The next resident starts with the helper's details, and finds nothing of the others.
	await expect(page.getByRole('heading', { name: `Hjælperen er ${HELPER.name}` })).toBeVisible();
	const afterHandOver = await indexedDbStores(page);
	expect(afterHandOver.receipts).toEqual([]);
	expect(afterHandOver.drafts).toEqual([]);
	expect(afterHandOver.outbox).toEqual([]);
	const stored = JSON.stringify(afterHandOver);
	for (const gone of [annaReference, annaLink!.split('/').pop()!, 'Anna', 'Værelse 4', 'Bo Bertelsen', '29174862']) {
		expect(stored).not.toContain(gone);
	}
	await page.goto('/mine');
	await expect(page.getByText('Der er ingen ansøgninger på denne telefon.')).toBeVisible();
	await expect(page.getByRole('link', { name: /Se hele forløbet/ })).toHaveCount(0);
	await expect(page.locator('main')).not.toContainText(annaReference);

	// "Jeg er færdig med at hjælpe": nothing is left, not even the helper.
	await page.getByRole('link', { name: 'Jeg er færdig med at hjælpe' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Jeg er færdig med at hjælpe' }).click();
	await expect(page.getByRole('heading', { name: 'Alt er slettet fra telefonen.' })).toBeVisible();
	await expectNoAxeViolations(page);
	const afterEnd = await indexedDbStores(page);
	for (const store of ['drafts', 'outbox', 'receipts', 'helper', 'profile']) expect(afterEnd[store], store).toEqual([]);
	const local = await localStorageText(page);
	for (const personal of [HELPER.name, HELPER.digits, 'Anna', 'Værelse 4', annaReference]) expect(local).not.toContain(personal);
	await page.goto('/ansog');
	await expect(page.getByRole('heading', { name: 'Hvem udfylder ansøgningen?' })).toBeVisible();
});

test('an application still waiting at the hand-over is shown by its label, without a status link, and leaves nothing once sent', async ({ page }) => {
	test.setTimeout(90_000);
	await page.goto('/ansog');
	await helperSteps(page);
	// No connection to the API: the application waits on the phone.
	await page.route('**/api/applications', (route) => route.abort('internetdisconnected'));
	await fillResident(page, ANNA);
	await page.getByRole('button', { name: 'Send ansøgningen' }).click();
	await expect(page.getByRole('heading', { name: 'Gemt på telefonen' })).toBeVisible();
	await expect(page.getByText('Ansøgning for Anna')).toBeVisible();

	await page.goto('/mine/videre');
	await expect(page.getByRole('heading', { name: 'Ansøgning for Anna' })).toBeVisible();
	await expect(page.getByText('Den er ikke sendt endnu.', { exact: false })).toBeVisible();
	await expect(page.getByRole('img', { name: 'QR-kode til siden om ansøgningen' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Fjern dem og hjælp den næste' }).click();
	await expect(page.getByRole('heading', { name: `Hjælperen er ${HELPER.name}` })).toBeVisible();

	// Still waiting, with its label, no status link; marked as handed over.
	await page.goto('/mine');
	await expect(page.getByRole('heading', { name: 'Ansøgning for Anna' })).toBeVisible();
	await expect(page.getByText('Venter på internet')).toBeVisible();
	await expect(page.getByRole('link', { name: /Se hele forløbet/ })).toHaveCount(0);
	expect((await indexedDbStores(page)).outbox).toMatchObject([{ label: 'Anna', handedOver: true }]);

	// The connection returns: it is sent, and no receipt or status link stays for the next person.
	await page.unroute('**/api/applications');
	await page.getByRole('button', { name: 'Prøv at sende nu' }).click();
	await expect(page.getByText('Der er ingen ansøgninger på denne telefon.')).toBeVisible();
	const stores = await indexedDbStores(page);
	expect(stores.outbox).toEqual([]);
	expect(stores.receipts).toEqual([]);
});

/** Where the first and the last group of a shown phone number are on the screen. */
async function groupPositions(scope: Locator, shown: string): Promise<{ first: number; last: number } | null> {
	return scope.evaluate((element, shown) => {
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const at = (node.textContent ?? '').indexOf(shown);
			if (at < 0) continue;
			const left = (start: number, end: number) => {
				const range = document.createRange();
				range.setStart(node, start);
				range.setEnd(node, end);
				return range.getBoundingClientRect().left;
			};
			const firstGroup = shown.split(' ')[0]!;
			const lastGroup = shown.split(' ').at(-1)!;
			return { first: left(at, at + firstGroup.length), last: left(at + shown.length - lastGroup.length, at + shown.length) };
		}
		return null;
	}, shown);
}

async function expectLeftToRight(scope: Locator, shown: string) {
	const positions = await groupPositions(scope, shown);
	expect(positions, `"${shown}" is on the page`).not.toBeNull();
	expect(positions!.first, `"${shown}" reads left to right`).toBeLessThan(positions!.last);
}

test('in Arabic, phone numbers read left to right: the check page, the receipt, the status page and the helper\'s own number', async ({ page }) => {
	test.setTimeout(90_000);
	const ar = JSON.parse(readFileSync(new URL('../../src/lib/i18n/locales/ar.json', import.meta.url), 'utf8'));
	await page.context().addCookies([{ name: 'lang', value: 'ar', url: test.info().project.use.baseURL! }]);
	await page.goto('/ansog');
	await expect(page.locator('p.progress')).toBeVisible();
	// The first step comes from the server: wait until the form has made its database.
	await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'klapjob'))).toBe(true);
	// A helper's application, answered up to the check page, as the form keeps it on the phone.
	await page.evaluate(async () => {
		const open = indexedDB.open('klapjob');
		const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
		const answers = {
			filledBy: 'helper', helper: { name: 'Hanne Hjælper', role: 'bosted', phone: '+45 33 44 55 66' }, label: 'Anna',
			name: 'Anna Andersen', contactMethod: 'sms', phone: '+45 29 17 48 62', municipality: '330', pension: 'yes',
			likes: [], days: [], hours: 'unknown', consent: true
		};
		await new Promise((resolve) => {
			const tx = db.transaction('drafts', 'readwrite');
			tx.objectStore('drafts').put({ key: 'general', answers, updatedAt: Date.now() });
			tx.oncomplete = resolve;
		});
		db.close();
	});

	await page.goto('/ansog?trin=telefon');
	await expect(page.locator('input[type=tel]')).toHaveAttribute('dir', 'ltr');
	await page.goto('/ansog?trin=tjek');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const answers = page.locator('dl.answers');
	await expectLeftToRight(answers, '+45 29 17 48 62');
	await expectLeftToRight(answers, '+45 33 44 55 66');

	await page.getByRole('button', { name: ar.form.tjek.send }).click();
	// Slagelse's consultant, Henrik: +45 29 17 48 62, on the receipt's call button.
	const call = page.locator('[data-next-step] a[href^="tel:"]');
	await expect(call).toBeVisible();
	await expectLeftToRight(call, '+45 29 17 48 62');
	await expectNoAxeViolations(page);

	const { receipts } = await indexedDbStores(page);
	await page.goto(`/status/${(receipts![0] as { statusToken: string }).statusToken}`);
	await expectLeftToRight(page.locator('[data-next-step] a[href^="tel:"]'), '+45 29 17 48 62');

	// The next application starts with "you help as …" and the helper's number.
	await page.goto('/ansog');
	await expect(page.getByRole('heading', { name: 'Hanne Hjælper' })).toBeVisible();
	await expectLeftToRight(page.locator('main'), '33 44 55 66');
	await expectNoAxeViolations(page);
});
