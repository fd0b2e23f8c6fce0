import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { applicationBody } from './application-body';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { STAFF_PASSWORD, changePassword, enrolTwoFactor, makeStaffAccount, signIn as signInAs } from './staff-account';
import { expectNoAxeViolations } from './helpers';

// Each staff sign-in is a deliberately slow password check (scrypt), and a test makes several:
// on a busy 2-core machine that alone can take more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

const PASSWORD = STAFF_PASSWORD;

function db() {
	return new Database(process.env.E2E_DATABASE_FILE!);
}

/** A staff account made straight in the real database, as `npm run staff -- add` would. */
async function account(role: 'sekretariat' | 'konsulent' | 'admin', consultantId: string | null = null): Promise<string> {
	return makeStaffAccount(process.env.E2E_DATABASE_FILE!, role, consultantId);
}

function consultantOf(municipality: string): string {
	const database = db();
	try {
		return (database.prepare('select consultant_id from municipalities where code = ?').get(municipality) as { consultant_id: string }).consultant_id;
	} finally {
		database.close();
	}
}

async function apply(request: APIRequestContext, overrides: Record<string, unknown> = {}) {
	const id = randomUUID();
	const response = await request.post('/api/applications', {
		headers: { 'idempotency-key': id },
		data: applicationBody({ id, name: 'Staff Testesen', createdAt: new Date().toISOString(), ...overrides })
	});
	expect(response.status()).toBe(201);
	return { id, ...((await response.json()) as { reference: string; statusToken: string }) };
}

async function signIn(page: Page, email: string) {
	await signInAs(page, email);
}

test('without a session every staff page goes to sign-in and every staff endpoint answers 401', async ({ request }) => {
	for (const path of ['/personale', '/personale/opfoelgning', '/personale/konti', `/personale/ansoegning/${randomUUID()}`, `/personale/ansoegning/${randomUUID()}/lyd`]) {
		const response = await request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers()['location'], path).toMatch(/^\/personale\/log-ind\?next=/);
	}
	for (const path of ['/api/staff/applications', `/api/staff/applications/${randomUUID()}`]) {
		expect((await request.get(path)).status(), path).toBe(401);
	}
	const signIn = await request.get('/personale/log-ind');
	expect(signIn.status()).toBe(200);
});

test('a wrong password is refused kindly, and sign-in is limited per account, but never on the holder\'s own device', async ({ page, browser, baseURL }) => {
	const email = await account('sekretariat');
	// The holder signs in once: this browser is now a known device for the account.
	await signIn(page, email);
	const device = (await page.context().cookies()).find((cookie) => cookie.name === 'staff_device');
	expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
	await page.context().clearCookies({ name: 'staff_session' });

	// Someone else guesses: five wrong passwords close the account to them, even with the right one.
	const elsewhere = await browser.newContext();
	const other = await elsewhere.newPage();
	await other.goto('/personale/log-ind');
	for (let i = 0; i < 5; i++) {
		await other.getByLabel('E-mail').fill(email);
		await other.getByLabel('Adgangskode').fill('wrong');
		await other.getByRole('button', { name: 'Log ind' }).click();
		await expect(other.getByRole('alert')).toHaveText('E-mail eller adgangskode passer ikke.');
	}
	await other.getByLabel('E-mail').fill(email);
	await other.getByLabel('Adgangskode').fill(PASSWORD);
	await other.getByRole('button', { name: 'Log ind' }).click();
	await expect(other.getByRole('alert')).toContainText('For mange forsøg.');

	// The holder's own device still signs in.
	await signIn(page, email);

	// An e-mail far longer than any address is refused as it is, with a plain message.
	const response = await other.request.post('/personale/log-ind', {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { email: `${'a'.repeat(400_000)}@klapjob.example`, password: 'wrong' }
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('E-mailadressen er for lang.');
	await elsewhere.close();
});

test('a consultant sees only their own municipalities, by page and by API', async ({ page, request }) => {
	const own = await apply(request, { municipality: '330' });
	const other = await apply(request, { municipality: '101' });
	expect(consultantOf('330')).not.toBe(consultantOf('101'));
	const email = await account('konsulent', consultantOf('330'));
	await signIn(page, email);

	// The queue is paged, oldest first: look each up by its reference.
	await page.goto(`/personale?soeg=${own.reference}`);
	await expect(page.getByRole('link', { name: `Åbn ${own.reference}` })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto(`/personale?soeg=${other.reference}`);
	await expect(page.getByText('Ingen ansøgninger passer.')).toBeVisible();
	await expect(page.getByRole('link', { name: `Åbn ${other.reference}` })).toHaveCount(0);

	const response = await page.goto(`/personale/ansoegning/${other.id}`);
	expect(response!.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Du har ikke adgang til denne ansøgning.' })).toBeVisible();
	expect((await page.request.get(`/api/staff/applications/${other.id}`)).status()).toBe(403);
	expect((await page.request.get(`/personale/ansoegning/${other.id}/lyd`)).status()).toBe(403);
	expect((await page.request.get(`/api/staff/applications/${own.id}`)).status()).toBe(200);
	const list = async (q: string) => ((await (await page.request.get(`/api/staff/applications?q=${q}`)).json()) as { applications: { id: string }[] }).applications;
	expect((await list(own.reference)).map((a) => a.id)).toEqual([own.id]);
	expect(await list(other.reference)).toEqual([]);
	// A change is refused as well, and the refusal is on record.
	const change = await page.request.post(`/personale/ansoegning/${other.id}?/step`, {
		form: { status: 'screened' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(change.status()).toBe(403);
});

test('an admin creates and disables accounts; a disabled account cannot sign in', async ({ page, browser }) => {
	test.setTimeout(90_000);
	await signIn(page, await account('admin'));
	await page.goto('/personale/konti');
	await expectNoAxeViolations(page);
	const email = `ny-${randomUUID().slice(0, 8)}@klapjob.example`;
	await page.getByLabel('Navn').fill('Ny Medarbejder');
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Rolle').selectOption('sekretariat');
	await page.getByRole('button', { name: 'Opret konto' }).click();
	const created = page.getByRole('status');
	await expect(created).toContainText('Engangs-adgangskode:');
	const password = (await created.textContent())!.split('Engangs-adgangskode: ')[1]!.trim();

	const other = await browser.newContext();
	const colleague = await other.newPage();
	await colleague.goto('/personale/log-ind');
	await colleague.getByLabel('E-mail').fill(email);
	await colleague.getByLabel('Adgangskode').fill(password);
	await colleague.getByRole('button', { name: 'Log ind' }).click();
	// The one-time password is replaced first, then the secretariat turns on two-factor.
	await expect(colleague.getByRole('heading', { name: 'Skift adgangskode' })).toBeVisible();
	await changePassword(colleague, password, 'blæksprutte-cykel-tagrende-44');
	await expect(colleague.getByRole('heading', { name: 'To-trins-login' })).toBeVisible();
	await enrolTwoFactor(colleague, email);
	await colleague.getByRole('link', { name: 'Fortsæt' }).click();
	await expect(colleague.getByRole('heading', { name: 'Ansøgninger' })).toBeVisible();

	await page.getByRole('button', { name: `Luk kontoen: ${email}` }).click();
	await expect(page.getByRole('button', { name: `Åbn kontoen: ${email}` })).toBeVisible();
	// Signed out at once, and cannot sign in again.
	await colleague.reload();
	await expect(colleague.getByRole('heading', { name: 'Log ind' })).toBeVisible();
	await colleague.getByLabel('E-mail').fill(email);
	await colleague.getByLabel('Adgangskode').fill(password);
	await colleague.getByRole('button', { name: 'Log ind' }).click();
	await expect(colleague.getByRole('alert')).toHaveText('E-mail eller adgangskode passer ikke.');
	await other.close();

	// An admin manages accounts, not applications.
	expect((await page.request.get('/api/staff/applications')).status()).toBe(403);
});

test('one application from arrival to a recorded 6-month follow-up, seen on the status page', async ({ page, request }) => {
	const application = await apply(request, { name: '<script>alert(1)</script><b>Bold</b>' });
	await signIn(page, await account('sekretariat'));
	await page.goto(`/personale/ansoegning/${application.id}`);
	// HTML in a name is shown as text, never run.
	await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert(1)</script><b>Bold</b>');
	await expect(page.locator('b', { hasText: 'Bold' })).toHaveCount(0);
	await expect(page.getByText('Skånejob: har førtidspension')).toBeVisible();
	await expectNoAxeViolations(page);

	const step = async (status: string, fill: Record<string, string> = {}, at?: string) => {
		await expect(page.getByRole('heading', { name: 'Næste skridt' })).toBeVisible();
		const before = await page.locator('ol.path li').count();
		await page.getByLabel('Nyt trin').selectOption({ label: status });
		for (const [label, value] of Object.entries(fill)) {
			const field = page.getByLabel(label, { exact: true });
			if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: value });
			else await field.fill(value);
		}
		await page.getByLabel('Dato').fill(at ?? '');
		await page.getByRole('button', { name: 'Gem trin' }).click();
		await expect(page.getByRole('status')).toHaveText('Trinnet er gemt.');
		// The page has the new step before the next one is chosen.
		await expect(page.locator('ol.path li')).toHaveCount(before + 1);
	};
	// A date before the application arrived is refused: the path stays in order.
	await page.getByLabel('Nyt trin').selectOption({ label: 'Sendt til konsulent' });
	await page.getByLabel('Dato').fill('2020-01-05');
	await page.getByRole('button', { name: 'Gem trin' }).click();
	await expect(page.getByRole('alert')).toContainText('Datoen skal ligge efter det forrige trin');

	await step('Sendt til konsulent', { 'Note (kun for personalet)': 'Ser godt ud.' });
	await step('Samtale');
	await step('Praktik', { 'Uger i praktik': '4' });
	await step('Ansat', { 'Type job': 'Skånejob', Arbejdsgiver: 'Bilka Slagelse', 'Timer om ugen': '9' });

	// Hired today: the 6-month call is months away, not on the list of calls due yet.
	await page.goto('/personale/opfoelgning');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: new RegExp(application.reference) })).toHaveCount(0);
	// As if hired long ago: the call is overdue, first on the list.
	const direct = db();
	try {
		direct.prepare("update applications set follow_up_due_at = '2020-01-01T12:00:00.000Z' where id = ?").run(application.id);
	} finally {
		direct.close();
	}
	await page.goto('/personale/opfoelgning');
	await expect(page.getByRole('link', { name: new RegExp(application.reference) })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: new RegExp(application.reference) }).click();
	await step('Opfølgning', { 'Status efter 6 måneder': 'I samme job', Trivsel: 'Trives godt' });
	await expect(page.getByText('I samme job, Trives godt')).toBeVisible();
	await page.goto('/personale/opfoelgning');
	await expect(page.getByRole('link', { name: new RegExp(application.reference) })).toHaveCount(0);

	// The applicant's status page shows each step in easy words.
	await page.goto(`/status/${application.statusToken}`);
	const steps = page.locator('ol.steps li .text');
	await expect(steps).toHaveText([
		'Vi har fået din ansøgning.',
		'Vi har læst din ansøgning.',
		'Du skal tale med en fra KLAPjob.',
		'Du prøver jobbet i 4 uger.',
		'Du har fået jobbet.',
		'Vi har ringet og spurgt, hvordan det går.'
	]);
	// After the path, what comes next: nothing planned, and whom to call.
	await expect(page.locator('[data-next-step]')).toContainText('Der sker ikke mere lige nu.');
	await expect(page.locator('[data-next-step]').getByRole('link', { name: /Ring til/ })).toHaveAttribute('href', /^tel:\+45\d{8}$/);
	await expectNoAxeViolations(page);
	// The staff note stays with the staff.
	await expect(page.getByText('Ser godt ud.')).toHaveCount(0);

	// Every look and change is on record, without the personal data.
	const database = db();
	try {
		const log = database.prepare('select action, detail from audit_log where application_id = ? order by at').all(application.id) as { action: string; detail: string | null }[];
		expect(log.map((l) => l.action)).toContain('read-application');
		expect(log.filter((l) => l.action === 'change-status').map((l) => l.detail)).toEqual([
			'received → screened', 'screened → conversation', 'conversation → internship', 'internship → hired', 'hired → follow-up'
		]);
		expect(JSON.stringify(log)).not.toContain('script');
	} finally {
		database.close();
	}
});

test('outside the target group: the applicant is told where to get help, never silence', async ({ page, request }) => {
	const application = await apply(request, { pension: 'no', fleksjob: 'no' });
	await signIn(page, await account('sekretariat'));
	await page.goto(`/personale/ansoegning/${application.id}`);
	await expect(page.getByText('Uden for målgruppen', { exact: true }).first()).toBeVisible();
	await page.getByLabel('Nyt trin').selectOption({ label: 'Uden for målgruppen' });
	await page.getByRole('button', { name: 'Gem trin' }).click();
	await expect(page.getByRole('alert')).toContainText('Skriv en besked til ansøgeren om, hvem der kan hjælpe.');
	await page.getByLabel('Nyt trin').selectOption({ label: 'Uden for målgruppen' });
	await page.getByLabel('Besked til ansøgeren (let dansk)').fill('Ring til jobcentret i Slagelse. De kan hjælpe dig.');
	await page.getByRole('button', { name: 'Gem trin' }).click();
	await expect(page.getByRole('status')).toHaveText('Trinnet er gemt.');

	await page.goto(`/status/${application.statusToken}`);
	await expect(page.getByText('Vi kan ikke hjælpe dig med et job. Jobcentret kan hjælpe dig.')).toBeVisible();
	await expect(page.getByText('Ring til jobcentret i Slagelse. De kan hjælpe dig.')).toBeVisible();
	// Next: the jobcentre, and KLAPjob's consultant for questions.
	await expect(page.locator('[data-next-step]')).toContainText('Ring til jobcentret i din kommune.');
	await expect(page.locator('[data-next-step]')).toContainText('Har du spørgsmål til os? Ring til Henrik.');
});

test('staff actions are refused from another site', async ({ page, request }) => {
	const application = await apply(request);
	await signIn(page, await account('sekretariat'));
	const forged = await page.request.post(`/personale/ansoegning/${application.id}?/step`, {
		form: { status: 'screened' },
		headers: { origin: 'https://evil.example' }
	});
	expect(forged.status()).toBe(403);
	const database = db();
	try {
		expect((database.prepare('select status from applications where id = ?').get(application.id) as { status: string }).status).toBe('received');
	} finally {
		database.close();
	}
});

test('staff write a posting from a standard description, see the citizen preview, and pause it', async ({ page, request }) => {
	test.setTimeout(60_000);
	await signIn(page, await account('sekretariat'));
	await page.goto('/personale/opslag/ny');
	await page.getByLabel('Standard-funktionsbeskrivelse').selectOption({ label: 'Butik: Pak brød i bageren' });
	const employer = `Bageriet ${randomUUID().slice(0, 6)}`;
	await page.getByLabel('Titel', { exact: true }).fill('Pak brød om morgenen');
	await page.getByLabel('Arbejdsgiver', { exact: true }).fill(employer);
	await page.getByLabel('Sted (arbejdsgiver og by)').fill(`${employer} i Næstved`);
	await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Næstved' });
	await page.getByLabel('Timer om ugen', { exact: true }).fill('8');
	// The preview is the citizen's page, picture and tasks included.
	const preview = page.getByRole('region', { name: 'Sådan ser borgeren opslaget' });
	await expect(preview.getByRole('heading', { name: 'Pak brød om morgenen' })).toBeVisible();
	await expect(preview.getByText('8 timer om ugen')).toBeVisible();
	await expect(preview.getByText('Pakke brød og kager.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Gem opslaget' }).click();
	await expect(page.getByRole('status')).toHaveText('Opslaget er gemt.');
	await expectNoAxeViolations(page);
	const id = new URL(page.url()).pathname.split('/').pop()!;

	const published = (await (await request.get(`/api/jobs?q=${encodeURIComponent(employer)}`)).json()) as { total: number; jobs: { id: string; municipality: string; tasks: unknown[] }[] };
	expect(published.total).toBe(1);
	expect(published.jobs[0]).toMatchObject({ id, municipality: 'Næstved' });
	expect(published.jobs[0]!.tasks.length).toBeGreaterThanOrEqual(3);

	await page.getByRole('button', { name: 'Sæt på pause' }).click();
	await expect(page.getByText('På pause', { exact: true })).toBeVisible();
	expect(((await (await request.get(`/api/jobs?q=${encodeURIComponent(employer)}`)).json()) as { total: number }).total).toBe(0);
	expect((await request.get(`/api/jobs/${id}`)).status()).toBe(404);

	// A consultant elsewhere may not open or change it.
	const other = await account('konsulent', consultantOf('101'));
	const context = await page.context().browser()!.newContext();
	const consultant = await context.newPage();
	await signIn(consultant, other);
	expect((await consultant.goto(`/personale/opslag/${id}`))!.status()).toBe(403);
	const change = await consultant.request.post(`/personale/opslag/${id}?/status`, {
		form: { status: 'live' },
		headers: { origin: new URL(consultant.url()).origin }
	});
	expect(change.status()).toBe(403);
	await context.close();
});

test('the figures page counts from the data and exports CSV, with no axe violations on staff pages', async ({ page, request }) => {
	await apply(request);
	await signIn(page, await account('sekretariat'));
	await page.goto('/personale/tal');
	await expect(page.locator('dt', { hasText: 'I job efter 6 måneder' })).toBeVisible();
	await expect(page.getByText('Mål: 60 %')).toBeVisible();
	await expectNoAxeViolations(page);
	const csv = await page.request.get('/personale/tal/csv');
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text.startsWith('\uFEFFperiod,region,municipality,consultant,applications,')).toBe(true);
	// One row per municipality; this year's applications include the one just sent.
	const rows = text.slice(1).trim().split('\r\n').slice(1);
	expect(rows.length).toBeGreaterThan(90);
	expect(rows.reduce((sum, row) => sum + Number(row.split(',')[4]), 0)).toBeGreaterThanOrEqual(1);
	for (const path of ['/personale/opslag', '/personale/opfoelgning']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
	await page.context().clearCookies();
	await page.goto('/personale/log-ind');
	await expectNoAxeViolations(page);
});

test('after "Log ud", Back shows the sign-in page, not the case: staff pages and status pages are never stored', async ({ page }) => {
	const email = await account('sekretariat');
	const { id, statusToken } = await apply(page.request, { name: 'Spor Sporsen' });
	await signIn(page, email);
	await page.goto(`/personale/ansoegning/${id}`);
	await expect(page.getByRole('heading', { level: 1, name: /Spor Sporsen/ })).toBeVisible();
	for (const path of [`/personale/ansoegning/${id}`, '/personale', '/api/staff/applications', `/status/${statusToken}`, `/api/status/${statusToken}`]) {
		expect((await page.request.get(path)).headers()['cache-control'], path).toBe('no-store');
	}

	await page.getByRole('button', { name: 'Log ud' }).click();
	await expect(page.getByLabel('Adgangskode')).toBeVisible();
	await page.goBack();
	await expect(page.getByLabel('Adgangskode')).toBeVisible();
	await expect(page.getByText('Spor Sporsen')).toHaveCount(0);
});
