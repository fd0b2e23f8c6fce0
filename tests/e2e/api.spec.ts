import { expect, test } from '@playwright/test';

// Runs against the SQLite app and, when TEST_DATABASE_URL is set, against an app on PostgreSQL.

interface ApiJob {
	id: string;
	title: string;
	employer: string;
	municipality: string;
	municipalityCode: string;
	region: string;
	jobType: string;
	hoursPerWeek: number;
	tasks: { text: string; picture: string }[];
}

test('the job list has at least 250 live postings from at least 60 municipalities', async ({ request }) => {
	const response = await request.get('/api/jobs');
	expect(response.status()).toBe(200);
	const body = (await response.json()) as { jobs: ApiJob[]; total: number };
	expect(body.total).toBeGreaterThanOrEqual(250);
	expect(body.jobs.length).toBe(body.total);
	expect(new Set(body.jobs.map((job) => job.municipalityCode)).size).toBeGreaterThanOrEqual(60);
	for (const job of body.jobs) {
		expect(job.tasks.length).toBeGreaterThanOrEqual(3);
		expect(job.tasks.length).toBeLessThanOrEqual(6);
		for (const task of job.tasks) expect(task.picture).toMatch(/^\/pictures\/[a-z0-9-]+\.svg$/);
	}
});

test('every task picture the API names is served', async ({ request }) => {
	const body = (await (await request.get('/api/jobs')).json()) as { jobs: ApiJob[] };
	const pictures = new Set(body.jobs.flatMap((job) => job.tasks.map((task) => task.picture)));
	for (const picture of pictures) {
		const response = await request.get(picture);
		expect(response.status(), picture).toBe(200);
		expect(response.headers()['content-type']).toContain('image/svg+xml');
	}
});

test('filters narrow the list and agree with each other', async ({ request }) => {
	const all = (await (await request.get('/api/jobs')).json()) as { jobs: ApiJob[]; total: number };
	const first = all.jobs[0]!;

	const byMunicipality = (await (await request.get(`/api/jobs?municipality=${first.municipalityCode}`)).json()) as { jobs: ApiJob[]; total: number };
	expect(byMunicipality.total).toBe(all.jobs.filter((j) => j.municipalityCode === first.municipalityCode).length);
	expect(byMunicipality.jobs.every((j) => j.municipalityCode === first.municipalityCode)).toBe(true);

	const byRegion = (await (await request.get(`/api/jobs?region=${encodeURIComponent('Sjælland')}`)).json()) as { jobs: ApiJob[]; total: number };
	expect(byRegion.total).toBe(all.jobs.filter((j) => j.region === 'Sjælland').length);

	const retailShort = (await (await request.get('/api/jobs?jobType=retail&maxHours=10')).json()) as { jobs: ApiJob[]; total: number };
	expect(retailShort.total).toBe(all.jobs.filter((j) => j.jobType === 'retail' && j.hoursPerWeek <= 10).length);
	expect(retailShort.total).toBeGreaterThan(0);

	const bakery = (await (await request.get(`/api/jobs?q=${encodeURIComponent('brød')}`)).json()) as { jobs: ApiJob[]; total: number };
	expect(bakery.total).toBeGreaterThan(0);
	expect(bakery.total).toBeLessThan(all.total);

	const english = (await (await request.get(`/api/jobs/${first.id}?lang=en`)).json()) as ApiJob;
	expect(english.id).toBe(first.id);
	expect(english.tasks.length).toBe(first.tasks.length);
});

test('bad query parameters get 400 with a message per field, never 500', async ({ request }) => {
	const cases: [string, string][] = [
		['maxHours=abc', 'maxHours'],
		['maxHours=0', 'maxHours'],
		['maxHours=1000', 'maxHours'],
		['maxHours=1.5', 'maxHours'],
		['jobType=astronaut', 'jobType'],
		['municipality=999', 'municipality'],
		['municipality=%27%3B%20drop%20table%20postings', 'municipality'],
		['region=Mars', 'region'],
		['q=' + 'x'.repeat(101), 'q'],
		['lang=xx', 'lang'],
		['color=red', 'color'],
		['jobType=retail&jobType=office', 'jobType'],
		['limit=-1', 'limit']
	];
	for (const [query, field] of cases) {
		const response = await request.get(`/api/jobs?${query}`);
		expect(response.status(), query).toBe(400);
		const body = (await response.json()) as { error: string; fields: Record<string, string> };
		expect(body.error, query).toBeTruthy();
		expect(Object.keys(body.fields), query).toContain(field);
	}
	const stillServing = await request.get('/api/health');
	expect(await stillServing.json()).toEqual({ ok: true, db: test.info().project.metadata.db ?? 'sqlite' });
});

test('an unknown posting is 404 with a message', async ({ request }) => {
	const response = await request.get('/api/jobs/does-not-exist');
	expect(response.status()).toBe(404);
	expect((await response.json()).error).toBeTruthy();
});

test('a repeated request with the ETag gets a small 304', async ({ request }) => {
	const first = await request.get('/api/jobs?jobType=animals');
	const etag = first.headers()['etag'];
	expect(etag).toBeTruthy();
	expect(first.headers()['cache-control']).toContain('max-age');
	const again = await request.get('/api/jobs?jobType=animals', { headers: { 'if-none-match': etag! } });
	expect(again.status()).toBe(304);
	const other = await request.get('/api/jobs?jobType=office', { headers: { 'if-none-match': etag! } });
	expect(other.status()).toBe(200);
});

test('the app can be installed: a manifest with icons that are served', async ({ request }) => {
	const manifest = (await (await request.get('/manifest.webmanifest')).json()) as {
		name: string;
		start_url: string;
		display: string;
		icons: { src: string; sizes: string }[];
	};
	expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
	for (const size of ['192x192', '512x512']) {
		const icon = manifest.icons.find((i) => i.sizes === size);
		expect(icon, size).toBeTruthy();
		expect((await request.get(icon!.src)).status()).toBe(200);
	}
	expect((await request.get('/service-worker.js')).status()).toBe(200);
});

test('the API answers a repeat with the same receipt, and bad input with field errors', async ({ request }) => {
	const id = crypto.randomUUID();
	const application = {
		id,
		postingId: 'p0001',
		filledBy: 'self',
		name: 'Api Andersen',
		contactMethod: 'call',
		phone: '22334455',
		municipality: '330',
		pension: 'unknown',
		fleksjob: 'no',
		likes: [],
		days: [],
		hours: 'unknown',
		consent: true,
		language: 'da',
		createdAt: new Date().toISOString()
	};
	const first = await request.post('/api/applications', { data: application, headers: { 'idempotency-key': id } });
	expect(first.status()).toBe(201);
	const again = await request.post('/api/applications', { data: application, headers: { 'idempotency-key': id } });
	expect(again.status()).toBe(200);
	expect(await again.json()).toEqual(await first.json());

	const other = await request.post('/api/applications', { data: { ...application, name: 'X' }, headers: { 'idempotency-key': id } });
	expect(other.status()).toBe(422);

	const noKey = await request.post('/api/applications', { data: application });
	expect(noKey.status()).toBe(400);

	const bad = await request.post('/api/applications', {
		data: { ...application, id: crypto.randomUUID(), phone: '12' },
		headers: { 'idempotency-key': crypto.randomUUID(), 'accept-language': 'en' }
	});
	expect(bad.status()).toBe(400);
	const body = (await bad.json()) as { fields: Record<string, string>; codes: Record<string, string> };
	expect(body.codes.phone).toBe('errors.phone');
	expect(body.fields.phone).toBe('Write a phone number with 8 digits.');

	const noSuchJobId = crypto.randomUUID();
	const noSuchJob = await request.post('/api/applications', {
		data: { ...application, id: noSuchJobId, postingId: 'p9999999' },
		headers: { 'idempotency-key': noSuchJobId, 'accept-language': 'en' }
	});
	expect(noSuchJob.status()).toBe(400);
	expect(((await noSuchJob.json()) as { codes: Record<string, string> }).codes.postingId).toBe('errors.posting');

	const huge = await request.post('/api/applications', {
		data: { ...application, aboutText: 'x'.repeat(600_000) },
		headers: { 'idempotency-key': crypto.randomUUID() }
	});
	expect(huge.status()).toBe(413);

	const status = await request.get(`/api/status/${(await first.json()).statusToken}`);
	expect(await status.json()).toMatchObject({ status: 'received', statusText: 'Vi har fået din ansøgning.' });
	expect(JSON.stringify(await status.json())).not.toContain('Api Andersen');
	// The next step: in the person's way of contact, roughly when, with Slagelse's consultant.
	const english = await request.get(`/api/status/${(await first.json()).statusToken}`, { headers: { 'accept-language': 'en' } });
	expect((await english.json()).nextStep).toEqual({
		status: 'received',
		text: 'We read your application.',
		contactText: 'Henrik calls you within 2 weeks.',
		when: 'within 2 weeks',
		callText: 'Do you have questions? Call Henrik.',
		contactMethod: 'call',
		consultant: { firstName: 'Henrik', phone: '+45 29 17 48 62' }
	});
	expect(JSON.stringify(await english.json())).not.toContain('22334455');

	const schema = await request.get('/api/applications/schema');
	expect((await schema.json()).properties.phone).toBeTruthy();
});
