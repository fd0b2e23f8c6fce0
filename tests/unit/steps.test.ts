import { beforeAll, describe, expect, test } from 'vitest';
import { loadAllLanguages, translator } from '$lib/i18n/translate';
import { CONTACT_METHODS, ANSWER_YES_NO_UNKNOWN } from '$lib/application/schema';
import { activeSteps, progressOf, setAnswer, STEPS, type Answers, type Step } from '$lib/application/steps';
import { chosenOptions, helpText, optionsOf, questionText, textContext } from '$lib/application/question-text';

beforeAll(loadAllLanguages);

interface Branch {
	filledBy: 'self' | 'helper';
	contactMethod: (typeof CONTACT_METHODS)[number];
	pension: (typeof ANSWER_YES_NO_UNKNOWN)[number];
	fleksjob: (typeof ANSWER_YES_NO_UNKNOWN)[number];
	/** Optional steps answered, or skipped. */
	optional: boolean;
}

const BRANCHES: Branch[] = (['self', 'helper'] as const).flatMap((filledBy) =>
	CONTACT_METHODS.flatMap((contactMethod) =>
		ANSWER_YES_NO_UNKNOWN.flatMap((pension) =>
			ANSWER_YES_NO_UNKNOWN.flatMap((fleksjob) => [true, false].map((optional) => ({ filledBy, contactMethod, pension, fleksjob, optional })))
		)
	)
);

/** What a person on this branch answers on a step (undefined: skipped). */
function answerFor(step: Step, branch: Branch): unknown {
	if (step.field in branch) return branch[step.field as keyof Branch];
	if (step.optional && !branch.optional) return undefined;
	switch (step.kind) {
		case 'text':
			return 'Alma Andersen';
		case 'phone':
			return '21436587';
		case 'municipality':
			return '751';
		case 'multi':
			return [step.options![0]!.value];
		case 'about':
			return 'Jeg kan lide at pakke.';
		case 'consent':
			return true;
		default:
			return step.options![0]!.value;
	}
}

/** Walks forward from the first question to the last, as "Næste" does; "Trin N af M" on each step. */
function walk(branch: Branch): { step: string; current: number; total: number }[] {
	let answers: Answers = {};
	let step: Step | undefined = activeSteps(answers)[0];
	const seen: { step: string; current: number; total: number }[] = [];
	while (step) {
		seen.push({ step: step.id, ...progressOf(step, answers) });
		const value = answerFor(step, branch);
		if (value !== undefined) answers = setAnswer(answers, step.field, value);
		const steps = activeSteps(answers);
		expect(steps, `${step.id} is still asked after its own answer`).toContain(step);
		step = steps[steps.indexOf(step) + 1];
	}
	return seen;
}

const name = (b: Branch) => `${b.filledBy}, contact ${b.contactMethod}, pension ${b.pension}, fleksjob ${b.fleksjob}, optional ${b.optional ? 'answered' : 'skipped'}`;

describe('"Trin N af M" while a person goes forward', () => {
	test.each(BRANCHES.map((branch) => [name(branch), branch] as const))('%s: N goes up by one, M never goes up, and ends at N af N', (_, branch) => {
		const seen = walk(branch);
		for (const [i, here] of seen.entries()) {
			const before = seen[i - 1];
			if (!before) {
				expect(here.current).toBe(1);
				continue;
			}
			expect(here.current, `number at ${here.step}`).toBe(before.current + 1);
			expect(here.total, `total at ${here.step} (was ${before.total} at ${before.step})`).toBeLessThanOrEqual(before.total);
		}
		const last = seen.at(-1)!;
		expect(last.step).toBe('samtykke');
		expect(last.total).toBe(last.current);
		expect(last.total).toBe(seen.length);
	});

	test('the first step counts every step that may come', () => {
		expect(progressOf(STEPS[0]!, {})).toEqual({ current: 1, total: STEPS.length });
	});
});

describe('which steps are asked', () => {
	const ids = (answers: Answers) => activeSteps(answers).map((step) => step.id);

	test('the helper\'s questions only when a helper fills in', () => {
		expect(ids({ filledBy: 'self' })).not.toContain('hjaelper-navn');
		expect(ids({})).not.toContain('hjaelper-navn');
		expect(ids({ filledBy: 'helper' })).toEqual(expect.arrayContaining(['hjaelper-navn', 'hjaelper-rolle', 'hjaelper-telefon']));
	});

	test('no phone number for the person when the helper is the contact', () => {
		expect(ids({ contactMethod: 'helper' })).not.toContain('telefon');
		expect(ids({ contactMethod: 'sms' })).toContain('telefon');
		expect(ids({})).toContain('telefon');
	});

	test('the fleksjob questions only without førtidspension, the criteria only with a fleksjob', () => {
		expect(ids({ pension: 'yes', fleksjob: 'yes' })).not.toContain('fleksjob');
		expect(ids({ pension: 'yes', fleksjob: 'yes' })).not.toContain('fleksjob-stu');
		expect(ids({ pension: 'unknown' })).toContain('fleksjob');
		expect(ids({ pension: 'unknown' })).not.toContain('fleksjob-stu');
		expect(ids({ pension: 'no', fleksjob: 'yes' }).filter((id) => id.startsWith('fleksjob-'))).toHaveLength(5);
		expect(ids({ pension: 'no', fleksjob: 'no' })).not.toContain('fleksjob-stu');
	});
});

describe('words in helper mode', () => {
	const READER = { da: /(?<![\p{L}\p{N}])(du|dig|din|dit|dine)(?![\p{L}\p{N}])/iu, en: /(?<![\p{L}\p{N}])(you|your|yours|yourself)(?![\p{L}\p{N}])/iu };
	const helper: Answers = { filledBy: 'helper' };

	test.each(['da', 'en'] as const)('%s: every question, help text and option speaks of the person, never to "you"', (lang) => {
		const t = translator(lang);
		const texts = STEPS.flatMap((step) => [
			questionText(t, step, helper),
			helpText(t, step, helper),
			...optionsOf(t, step, helper, []).map((option) => option.text)
		]);
		const more = ['form.kommune.confirm', 'form.kommune.search', 'form.tjek.title', 'form.samtykke.noText', 'form.samtykke.yes', 'errors.municipality', 'errors.consent', 'errors.choose'].map((key) =>
			t(key, { name: 'Næstved', ...textContext(helper) })
		);
		const voice = ['heading', 'record', 'stop', 'again', 'delete', 'listen', 'recording', 'max', 'saved', 'noMicrophone', 'notSupported'].map((key) =>
			t(`form.voice.${key}`)
		);
		const consent = ['what', 'who', 'howLong', 'phone'].map((key) => t(`form.samtykke.${key}`, textContext(helper)));
		expect([...texts, ...more, ...voice, ...consent].filter((text) => READER[lang].test(text))).toEqual([]);
	});

	test('the person who fills in for themself is still "du"', () => {
		const t = translator('da');
		const consent = STEPS.find((step) => step.id === 'samtykke')!;
		expect(questionText(t, consent, { filledBy: 'self' })).toBe('Må vi gemme det, du har skrevet?');
		expect(questionText(t, consent, helper)).toBe('Må vi gemme svarene om personen?');
		expect(helpText(t, STEPS.find((step) => step.id === 'pension')!, { filledBy: 'self' })).toMatch(/\bdu\b/);
	});
});

test('a chosen job type whose name has a comma stays one item', () => {
	const t = translator('da');
	const likes = STEPS.find((step) => step.field === 'likes')!;
	const jobTypes = [
		{ id: 'retail', name: 'Butik', picture: '/pictures/shop.svg' },
		{ id: 'warehouse', name: 'Lager, kantine og fabrik', picture: '/pictures/package.svg' }
	] as Parameters<typeof chosenOptions>[3];
	expect(chosenOptions(t, likes, {}, jobTypes, ['warehouse', 'retail'])).toEqual([
		{ value: 'retail', text: 'Butik', pictureUrl: '/pictures/shop.svg' },
		{ value: 'warehouse', text: 'Lager, kantine og fabrik', pictureUrl: '/pictures/package.svg' }
	]);
});
