import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { AppServer } from './app-server';
import { expectNoAxeViolations, indexedDbText, keepAppOnDevice } from './helpers';

interface Person {
	name: string;
	phone: string;
	voice?: boolean;
	axe?: boolean;
}

/** Fills the form from its first question to "Tjek dine svar", as a person would. */
async function fillApplication(page: Page, person: Person) {
	const check = async () => {
		if (person.axe) await expectNoAxeViolations(page);
	};
	await expect(page.locator('p.progress')).toContainText(/Trin 1 af \d+/);
	await check();
	await page.getByRole('button', { name: 'Mig selv' }).click();

	await expect(page.getByRole('heading', { name: 'Hvad hedder du?' })).toBeVisible();
	await page.getByRole('button', { name: 'Næste' }).click();
	// Nothing written: a kind message that leads to the field.
	await expect(page.getByRole('alert')).toContainText('Skriv et navn.');
	await check();
	await page.getByLabel('Hvad hedder du?', { exact: true }).fill(person.name);
	await page.getByRole('button', { name: 'Næste' }).click();

	await expect(page.getByRole('heading', { name: 'Hvordan skal vi kontakte dig?' })).toBeVisible();
	await check();
	await page.getByRole('button', { name: 'Send en SMS til mig' }).click();

	await page.getByLabel('Hvad er dit telefonnummer?', { exact: true }).fill('123');
	await page.getByRole('button', { name: 'Næste' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv et telefonnummer med 8 tal.');
	await page.getByLabel('Hvad er dit telefonnummer?', { exact: true }).fill(person.phone);
	await page.getByRole('button', { name: 'Næste' }).click();

	// The posting's municipality is asked about, not taken as the answer.
	await expect(page.getByRole('heading', { name: /^Bor du i \p{L}+\?$/u })).toBeVisible();
	await check();
	await page.getByRole('button', { name: 'Ja', exact: true }).click();

	await expect(page.getByRole('heading', { name: 'Får du førtidspension?' })).toBeVisible();
	await check();
	await page.getByRole('button', { name: 'Ja', exact: true }).click();

	await expect(page.getByRole('heading', { name: 'Hvad kan du lide at lave?' })).toBeVisible();
	await page.getByRole('button', { name: 'Butik' }).click();
	await expect(page.getByRole('button', { name: 'Butik' })).toHaveAttribute('aria-pressed', 'true');
	await check();
	await page.getByRole('button', { name: 'Næste' }).click();

	await expect(page.getByRole('heading', { name: 'Hvilke dage kan du arbejde?' })).toBeVisible();
	await page.getByRole('button', { name: 'Mandag' }).click();
	await page.getByRole('button', { name: 'Torsdag' }).click();
	await page.getByRole('button', { name: 'Næste' }).click();

	await expect(page.getByRole('heading', { name: 'Hvor mange timer kan du arbejde om ugen?' })).toBeVisible();
	await page.getByRole('button', { name: '5 til 10 timer' }).click();

	await expect(page.getByRole('heading', { name: 'Fortæl om dig selv' })).toBeVisible();
	await check();
	if (person.voice) {
		await page.getByRole('button', { name: 'Indtal en besked' }).click();
		await expect(page.getByText('Vi optager nu.')).toBeVisible();
		await page.waitForTimeout(1500);
		await page.getByRole('button', { name: 'Stop' }).click();
		await expect(page.getByText('Beskeden er gemt.')).toBeVisible();
		await expect(page.locator('audio')).toBeVisible();
		await page.getByRole('button', { name: 'Næste' }).click();
	} else {
		await page.getByRole('button', { name: 'Spring over' }).click();
	}

	await expect(page.getByRole('heading', { name: 'Må vi gemme det, du har skrevet?' })).toBeVisible();
	await check();
	await page.getByRole('button', { name: 'Ja, det må I' }).click();

	await expect(page.getByRole('heading', { name: 'Tjek dine svar' })).toBeVisible();
	await expect(page.getByText(person.name)).toBeVisible();
	await check();
}

test('a person applies for a posting and gets a reference to say on the phone', async ({ page, baseURL }) => {
	await page.goto('/job/p0001');
	await page.getByRole('link', { name: 'Søg jobbet' }).click();
	await fillApplication(page, { name: 'Online Olsen', phone: '21 43 65 87', axe: true });
	await page.getByRole('button', { name: 'Send ansøgningen' }).click();
	await expect(page.getByRole('heading', { name: 'Sendt' })).toBeVisible();
	const reference = (await page.locator('[data-reference]').textContent())!.trim();
	expect(reference).toMatch(/^[A-Z]{3}-\d{3}$/);
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Se mine ansøgninger' }).click();
	await expect(page.getByText(`Nummer: ${reference}`)).toBeVisible();
	await expect(page.getByText('Vi har fået din ansøgning.')).toBeVisible();
	await expectNoAxeViolations(page);
	// Only the receipt is left on the phone.
	const stored = await indexedDbText(page);
	expect(stored).not.toContain('Online Olsen');
	expect(stored).not.toContain('21436587');
	expect(stored).toContain(reference);
	expect(baseURL).toBeTruthy();
});

test('answers are kept when the page is closed, and "ny ansøgning" starts empty', async ({ page }) => {
	await page.goto('/job/p0002/ansog');
	await page.getByRole('button', { name: 'Jeg hjælper en anden' }).click();
	await page.getByLabel('Hvad hedder hjælperen?', { exact: true }).fill('Hjælper Hansen');
	await page.getByRole('button', { name: 'Næste' }).click();
	await expect(page.getByRole('heading', { name: 'Hvordan kender hjælperen personen?' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Hvordan kender hjælperen personen?' })).toBeVisible();
	await page.getByRole('button', { name: 'Tilbage' }).click();
	await expect(page.getByLabel('Hvad hedder hjælperen?', { exact: true })).toHaveValue('Hjælper Hansen');

	await page.goto('/mine');
	// Nothing sent, so nothing to hand over: the next person starts at once.
	await page.getByRole('link', { name: 'Ny ansøgning for en anden person' }).click();
	await expect(page).toHaveURL(/\/ansog$/);
	await page.goto('/job/p0002/ansog?trin=hjaelper-navn');
	// The helper's answers are gone: the form starts at its first question, nothing chosen.
	await expect(page.getByRole('heading', { name: 'Hvem udfylder ansøgningen?' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Jeg hjælper en anden' })).toHaveAttribute('aria-pressed', 'false');
});

test.describe('without a connection', () => {
	test.use({ permissions: ['microphone'] });

	test('an application sent offline, with a voice message, arrives once when the connection returns', async ({
		page,
		context
	}, testInfo) => {
		test.setTimeout(120_000);
		const server = new AppServer(4400 + testInfo.parallelIndex);
		await server.start();
		try {
			// One visit with a connection: the service worker installs, the postings are kept.
			await keepAppOnDevice(page, server.url);
			const [, , never] = server.query<{ id: string }>("select id from postings where status = 'live' order by id desc limit 3");

			// The connection goes: the server stops, and the phone knows it is offline.
			await server.stop();
			await context.setOffline(true);

			// The start page and the job list open from the device.
			await page.goto(`${server.url}/`);
			await expect(page.getByRole('link', { name: 'Find et job' })).toBeVisible();
			await page.getByRole('link', { name: 'Find et job' }).click();
			await expect(page.getByRole('article').first()).toBeVisible();

			// A posting never opened before, and its form, open from the device.
			await page.goto(`${server.url}/job/${never!.id}`);
			await expect(page.getByRole('heading', { name: 'Det skal du lave:' })).toBeVisible();
			await page.getByRole('link', { name: 'Søg jobbet' }).click();
			await fillApplication(page, { name: 'Offline Olsen', phone: '29876543', voice: true });
			await page.getByRole('button', { name: 'Send ansøgningen' }).click();
			await expect(page.getByRole('heading', { name: 'Gemt på telefonen' })).toBeVisible({ timeout: 10_000 });
			await expect(page.getByText('Vi sender den, når der er internet.')).toBeVisible();

			// Reloaded while offline: the app opens, and the application still waits.
			await page.goto(`${server.url}/mine`);
			await expect(page.getByText('Venter på internet')).toBeVisible();
			await page.reload();
			await expect(page.getByText('Venter på internet')).toBeVisible();
			expect(await indexedDbText(page)).toContain('Offline Olsen');

			// The connection returns: within 5 seconds the server has exactly one copy.
			await server.start();
			await context.setOffline(false);
			const started = Date.now();
			await expect
				.poll(() => server.query<{ n: number }>("select count(*) as n from applications where json_extract(answers, '$.name') = 'Offline Olsen'")[0]!.n, {
					timeout: 5_000,
					intervals: [100]
				})
				.toBe(1);
			expect(Date.now() - started).toBeLessThan(5_000);
			await expect(page.getByText('Sendt', { exact: false }).first()).toBeVisible();
			const [row] = server.query<{ id: string; posting_id: string }>('select id, posting_id from applications');
			expect(row!.posting_id).toBe(never!.id);
			const voices = server.query<{ mime_type: string; duration_seconds: number }>('select mime_type, duration_seconds from voice_messages');
			expect(voices).toHaveLength(1);
			expect(voices[0]!.mime_type).toMatch(/^audio\/(webm|mp4|ogg)/);

			// Nothing personal is left on the device: no name, no phone, no recording.
			await expect.poll(async () => (await indexedDbText(page)).includes('Offline Olsen')).toBe(false);
			const stored = await indexedDbText(page);
			expect(stored).not.toContain('29876543');
			expect(stored).not.toContain('voiceMessage');
			expect(server.query('select id from applications')).toHaveLength(1);
		} finally {
			await server.stop();
		}
	});

	test('without the service worker the app does not open offline (the test above would fail)', async ({ browser }, testInfo) => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const server = new AppServer(4450 + testInfo.parallelIndex);
		await server.start();
		try {
			await page.goto(`${server.url}/job`);
			await expect(page.getByRole('heading', { name: 'Find et job' })).toBeVisible();
			await server.stop();
			await context.setOffline(true);
			await page.goto(`${server.url}/job/p0003`).catch(() => undefined);
			await expect(page.getByRole('heading', { name: 'Det skal du lave:' })).toHaveCount(0);
		} finally {
			await server.stop();
			await context.close();
		}
	});
});

test('a helper fills in for a resident, through the fleksjob questions, with no axe violations on any step', async ({ page }) => {
	// A full axe run on each of some fifteen steps.
	test.setTimeout(90_000);
	await page.goto('/ansog');
	const step = async (action: () => Promise<void>) => {
		await expect(page.locator('p.progress')).toBeVisible();
		await expectNoAxeViolations(page);
		await action();
	};
	await step(() => page.getByRole('button', { name: 'Jeg hjælper en anden' }).click());
	await step(async () => {
		await page.getByLabel('Hvad hedder hjælperen?', { exact: true }).fill('Hjælper Hansen');
		await page.getByRole('button', { name: 'Næste' }).click();
	});
	await step(() => page.getByRole('button', { name: 'Jeg arbejder på et bosted' }).click());
	await step(async () => {
		await page.getByLabel('Hvad er hjælperens telefonnummer?', { exact: true }).fill('+45 33 44 55 66');
		await page.getByRole('button', { name: 'Næste' }).click();
	});
	await step(async () => {
		await page.getByLabel('Hvad skal ansøgningen hedde på telefonen?', { exact: true }).fill('Værelse 7');
		await page.getByRole('button', { name: 'Næste' }).click();
	});
	await step(async () => {
		await page.getByLabel('Hvad hedder personen, der søger?', { exact: true }).fill('Beboer Bentsen');
		await page.getByRole('button', { name: 'Næste' }).click();
	});
	await step(() => page.getByRole('button', { name: 'Kontakt mig, der hjælper' }).click());
	// No phone for the person: the helper is the contact. No posting: the person picks the municipality.
	await expect(page.getByRole('heading', { name: 'Hvor bor personen?' })).toBeVisible();
	await step(async () => {
		await page.getByLabel('Skriv navnet på kommunen').fill('aarhus');
		await page.getByRole('button', { name: 'Aarhus' }).click();
	});
	await step(() => page.getByRole('button', { name: 'Nej', exact: true }).click());
	await step(() => page.getByRole('button', { name: 'Ja', exact: true }).click());
	for (let i = 0; i < 5; i++) {
		await step(() => page.getByRole('button', { name: i === 0 ? 'Ja' : 'Ved ikke', exact: true }).click());
	}
	await step(() => page.getByRole('button', { name: 'Spring over' }).click());
	await step(() => page.getByRole('button', { name: 'Spring over' }).click());
	await step(() => page.getByRole('button', { name: 'Ved ikke' }).click());
	await step(() => page.getByRole('button', { name: 'Spring over' }).click());
	await step(() => page.getByRole('button', { name: 'Ja, det må I' }).click());
	// The helper checks the person's answers: "Tjek svarene", not "Tjek dine svar".
	await expect(page.getByRole('heading', { name: 'Tjek svarene' })).toBeVisible();
	await expect(page.getByText('Beboer Bentsen')).toBeVisible();

	// "Ret" goes to the question and straight back to the check page.
	await page.getByRole('link', { name: 'Ret: Hvad hedder personen, der søger?' }).click();
	await page.getByLabel('Hvad hedder personen, der søger?', { exact: true }).fill('Beboer Berg');
	await page.getByRole('button', { name: 'Næste' }).click();
	await expect(page.getByRole('heading', { name: 'Tjek svarene' })).toBeVisible();
	await expect(page.getByText('Beboer Berg')).toBeVisible();

	await page.getByRole('button', { name: 'Send ansøgningen' }).click();
	await expect(page.getByRole('heading', { name: 'Sendt' })).toBeVisible();
	await expectNoAxeViolations(page);

	// Screened on arrival (one criterion met: fleksjob) and routed to Aarhus's consultant.
	const db = new Database(process.env.E2E_DATABASE_FILE!, { readonly: true });
	try {
		const row = db
			.prepare(
				"select a.screening_decision, a.screening_reasons, a.consultant_id, m.consultant_id as aarhus from applications a join municipalities m on m.code = '751' where json_extract(a.answers, '$.name') = 'Beboer Berg'"
			)
			.get() as { screening_decision: string; screening_reasons: string; consultant_id: string; aarhus: string };
		expect(row.screening_decision).toBe('fleksjob');
		expect(JSON.parse(row.screening_reasons)).toEqual(['pension-no', 'fleksjob-yes', 'criterion-stu']);
		expect(row.consultant_id).toBe(row.aarhus);
	} finally {
		db.close();
	}
});

test('an application the server sends back shows what to fix, and "Ret" opens it again', async ({ page }) => {
	await page.goto('/mine');
	await expect(page.getByText('Der er ingen ansøgninger på denne telefon.')).toBeVisible();
	// An application another version of the app let through: the server refuses the phone number.
	await page.evaluate(async () => {
		const open = indexedDB.open('klapjob');
		const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
		const id = crypto.randomUUID();
		const application = {
			id, postingId: 'p0001', filledBy: 'self', name: 'Fejl Frederiksen', contactMethod: 'call', phone: '12',
			municipality: '330', pension: 'yes', likes: [], days: [], hours: 'unknown', consent: true,
			language: 'da', createdAt: new Date().toISOString()
		};
		await new Promise((resolve) => {
			const tx = db.transaction('outbox', 'readwrite');
			tx.objectStore('outbox').put({ id, application, postingTitle: 'Pak brød i bageren', state: 'waiting', attempts: 0, nextAttemptAt: 0, queuedAt: Date.now() });
			tx.oncomplete = resolve;
		});
		db.close();
	});
	await page.reload();
	await expect(page.getByText('Du skal rette noget')).toBeVisible();
	await expect(page.getByText('Hvad er dit telefonnummer? Skriv et telefonnummer med 8 tal.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Ret ansøgningen' }).click();
	await expect(page.getByRole('heading', { name: 'Tjek dine svar' })).toBeVisible();
	await page.getByRole('link', { name: 'Ret: Hvad er dit telefonnummer?' }).click();
	await page.getByLabel('Hvad er dit telefonnummer?', { exact: true }).fill('40506070');
	await page.getByRole('button', { name: 'Næste' }).click();
	await page.getByRole('button', { name: 'Send ansøgningen' }).click();
	await expect(page.getByRole('heading', { name: 'Sendt' })).toBeVisible();
});
