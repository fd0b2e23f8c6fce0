import type { TFunction } from 'i18next';
import type { JobType } from '$lib/jobs/types';
import type { Answers, Step, StepOption } from './steps';

/**
 * A helper filling in for someone reads about "personen", never "du": in helper mode
 * every form text is looked up as <key>_helper first, and falls back to <key> when
 * the words are the same for both.
 */
export function textContext(answers: Answers): { context?: string } {
	return answers.filledBy === 'helper' ? { context: 'helper' } : {};
}

export function questionText(t: TFunction, step: Step, answers: Answers): string {
	return t(`form.${step.id}.question`, textContext(answers));
}

export function helpText(t: TFunction, step: Step, answers: Answers): string {
	return t(`form.${step.id}.help`, { defaultValue: '', ...textContext(answers) });
}

/** The options of a step with words and pictures; job types come from the catalogue. */
export function optionsOf(
	t: TFunction,
	step: Step,
	answers: Answers,
	jobTypes: JobType[]
): (StepOption & { text: string; pictureUrl: string })[] {
	if (step.field === 'likes') {
		return jobTypes.map((type) => ({ value: type.id, label: type.id, picture: '', text: type.name, pictureUrl: type.picture }));
	}
	return (step.options ?? []).map((option) => ({
		...option,
		text: t(option.label, textContext(answers)),
		pictureUrl: option.picture ? `/pictures/${option.picture}.svg` : ''
	}));
}

/** The chosen options of a multiple choice, in the order they are offered, each with its picture. */
export function chosenOptions(
	t: TFunction,
	step: Step,
	answers: Answers,
	jobTypes: JobType[],
	value: unknown
): { value: string; text: string; pictureUrl: string }[] {
	if (!Array.isArray(value)) return [];
	const offered = optionsOf(t, step, answers, jobTypes);
	const known = offered.filter((option) => value.includes(option.value)).map(({ value, text, pictureUrl }) => ({ value, text, pictureUrl }));
	const unknown = value
		.filter((v) => !offered.some((option) => option.value === v))
		.map((v) => ({ value: String(v), text: String(v), pictureUrl: '' }));
	return [...known, ...unknown];
}

/** An answer in words, for "Tjek dine svar". */
export function answerText(t: TFunction, step: Step, answers: Answers, jobTypes: JobType[], value: unknown): string {
	if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('form.tjek.empty');
	const options = optionsOf(t, step, answers, jobTypes);
	if (Array.isArray(value)) return value.map((v) => options.find((o) => o.value === v)?.text ?? String(v)).join(', ');
	if (step.kind === 'consent') return t('form.samtykke.yes', textContext(answers));
	return options.find((o) => o.value === value)?.text ?? String(value);
}
