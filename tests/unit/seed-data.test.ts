import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogue, seedConsultants, seedPostings } from '$lib/server/db/seed-files';
import { municipalities, municipalityByCode, REGIONS } from '$lib/jobs/municipalities';
import { JOB_TYPE_IDS } from '$lib/jobs/types';
import { UI_PICTURES } from '$lib/pictures';

const picturesDir = path.resolve('static/pictures');
const taskById = new Map(catalogue.tasks.map((task) => [task.id, task]));
const descriptionById = new Map(catalogue.descriptions.map((d) => [d.id, d]));

function sentences(text: string): string[] {
	return text.split(/(?<=[.!?])\s+/).filter(Boolean);
}

function wordCount(sentence: string): number {
	return sentence.split(/\s+/).filter((word) => /\p{L}|\d/u.test(word)).length;
}

describe('pictures', () => {
	test('every job type, task and interface picture ships in static/pictures', () => {
		const ids = [
			...catalogue.jobTypes.map((type) => type.picture),
			...catalogue.tasks.map((task) => task.picture),
			...Object.values(UI_PICTURES)
		];
		const missing = ids.filter((id) => !fs.existsSync(path.join(picturesDir, `${id}.svg`)));
		expect(missing).toEqual([]);
	});

	// A picture shows the action, not only the place: cleaning the stables once showed a running horse.
	test.each([
		['clean-stables', 'broom'],
		['feed-horses', 'sheaf-of-rice']
	])('the task %s shows %s', (id, picture) => {
		expect(taskById.get(id)?.picture).toBe(picture);
	});

	test('no picture file ships that nothing uses', () => {
		const used = new Set([
			...catalogue.jobTypes.map((type) => type.picture),
			...catalogue.tasks.map((task) => task.picture),
			...Object.values(UI_PICTURES)
		]);
		const unused = fs
			.readdirSync(picturesDir)
			.map((file) => file.replace(/\.svg$/, ''))
			.filter((id) => !used.has(id));
		expect(unused).toEqual([]);
	});
});

describe('the catalogue of standard job descriptions', () => {
	test('has the 11 job types of the 2020 statistics, each with 4-8 typical tasks', () => {
		expect(catalogue.jobTypes.map((type) => type.id).sort()).toEqual([...JOB_TYPE_IDS].sort());
		const shares = catalogue.jobTypes.reduce((sum, type) => sum + type.share2020, 0);
		expect(shares).toBeCloseTo(102.6, 0); // the seed's published shares add up to 102.6 %
	});

	test('every task a job type or description names exists, and every task is used', () => {
		const referenced = new Set([
			...catalogue.jobTypes.flatMap((type) => type.typicalTasks),
			...catalogue.descriptions.flatMap((d) => d.tasks)
		]);
		expect([...referenced].filter((id) => !taskById.has(id))).toEqual([]);
		expect(catalogue.tasks.map((task) => task.id).filter((id) => !referenced.has(id))).toEqual([]);
	});

	test('ids are unique', () => {
		for (const list of [catalogue.tasks, catalogue.descriptions, catalogue.jobTypes]) {
			expect(new Set(list.map((item) => item.id)).size).toBe(list.length);
		}
	});

	test('every job type has standard descriptions', () => {
		for (const type of JOB_TYPE_IDS) {
			expect(catalogue.descriptions.some((d) => d.jobType === type), type).toBe(true);
		}
	});

	test('the two descriptions quoted in the evaluation are there', () => {
		const titles = catalogue.descriptions.map((d) => d.title.da.toLowerCase()).join(' | ');
		expect(titles).toMatch(/brød/);
		expect(titles).toMatch(/flask/);
	});

	test('all Danish and English texts keep to sentences of at most 12 words', () => {
		const texts = [
			...catalogue.tasks.flatMap((task) => [task.text.da, task.text.en]),
			...catalogue.descriptions.flatMap((d) => [d.title.da, d.title.en]),
			...catalogue.jobTypes.flatMap((type) => [type.name.da, type.name.en, type.about.da, type.about.en]),
			...seedPostings.map((posting) => posting.title)
		];
		const long = texts.flatMap(sentences).filter((sentence) => wordCount(sentence) > 12);
		expect(long).toEqual([]);
	});
});

describe('municipalities and consultants', () => {
	test('all 98 municipalities, each in one of the 5 regions', () => {
		expect(municipalities).toHaveLength(98);
		for (const m of municipalities) expect(REGIONS).toContain(m.region);
	});

	test('about 12 consultants, each covering 6-9 municipalities, every municipality exactly once', () => {
		expect(seedConsultants.length).toBeGreaterThanOrEqual(10);
		expect(seedConsultants.length).toBeLessThanOrEqual(14);
		const covered = seedConsultants.flatMap((c) => c.municipalities);
		for (const c of seedConsultants) {
			expect(c.municipalities.length, c.id).toBeGreaterThanOrEqual(6);
			expect(c.municipalities.length, c.id).toBeLessThanOrEqual(9);
		}
		expect(covered.sort()).toEqual(municipalities.map((m) => m.code).sort());
	});
});

describe('the postings', () => {
	test('at least 250, with unique ids, from at least 60 municipalities', () => {
		expect(seedPostings.length).toBeGreaterThanOrEqual(250);
		expect(new Set(seedPostings.map((p) => p.id)).size).toBe(seedPostings.length);
		expect(new Set(seedPostings.map((p) => p.municipality)).size).toBeGreaterThanOrEqual(60);
	});

	test('every posting names a real description, municipality and 3-6 known tasks', () => {
		for (const posting of seedPostings) {
			expect(descriptionById.has(posting.description), posting.id).toBe(true);
			expect(municipalityByCode.has(posting.municipality), posting.id).toBe(true);
			expect(posting.tasks.length).toBeGreaterThanOrEqual(3);
			expect(posting.tasks.length).toBeLessThanOrEqual(6);
			for (const task of posting.tasks) expect(taskById.has(task), `${posting.id} ${task}`).toBe(true);
		}
	});

	test('job types follow the 2020 shares within 3 percentage points', () => {
		for (const type of catalogue.jobTypes) {
			const count = seedPostings.filter((p) => descriptionById.get(p.description)!.jobType === type.id).length;
			const share = (100 * count) / seedPostings.length;
			expect(Math.abs(share - type.share2020), type.id).toBeLessThanOrEqual(3);
		}
	});

	test('most postings have 5-15 hours a week', () => {
		const typical = seedPostings.filter((p) => p.hoursPerWeek >= 5 && p.hoursPerWeek <= 15).length;
		expect(typical / seedPostings.length).toBeGreaterThanOrEqual(0.75);
	});

	test('chains from the evaluation and local firms both post; a few postings are open to fleksjob', () => {
		const employers = new Set(seedPostings.map((p) => p.employer));
		for (const chain of ['Rema 1000', 'Bilka', 'Føtex', 'Netto', 'Meny']) expect(employers).toContain(chain);
		const fleksjob = seedPostings.filter((p) => p.eligibility === 'fortidspension-or-fleksjob').length;
		expect(fleksjob).toBeGreaterThan(0);
		expect(fleksjob / seedPostings.length).toBeLessThan(0.15);
	});

	test('every posting has a consultant through its municipality', () => {
		const covered = new Set(seedConsultants.flatMap((c) => c.municipalities));
		for (const posting of seedPostings) expect(covered.has(posting.municipality), posting.id).toBe(true);
	});
});
