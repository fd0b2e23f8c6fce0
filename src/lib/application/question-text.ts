import type { TFunction } from 'i18next';
import type { JobType } from '$lib/jobs/types';
import type { Answers, Step, StepOption } from './steps';

/** A helper filling in for someone is asked about "the person", not "you". */
export function questionContext(step: Step, answers: Answers): { context?: string } {
	return step.helperVariant && answers.filledBy === 'helper' ? { context: 'helper' } : {};
}

export function questionText(t: TFunction, step: Step, answers: Answers): string {
	return t(`form.${step.id}.question`, questionContext(step, answers));
}

export function helpText(t: TFunction, step: Step): string {
	return t(`form.${step.id}.help`, { defaultValue: '' });
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
		text: t(option.label, questionContext(step, answers)),
		pictureUrl: option.picture ? `/pictures/${option.picture}.svg` : ''
	}));
}

/** An answer in words, for "Tjek dine svar". */
export function answerText(t: TFunction, step: Step, answers: Answers, jobTypes: JobType[], value: unknown): string {
	if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('form.tjek.empty');
	const options = optionsOf(t, step, answers, jobTypes);
	if (Array.isArray(value)) return value.map((v) => options.find((o) => o.value === v)?.text ?? String(v)).join(', ');
	if (step.kind === 'consent') return t('form.samtykke.yes');
	return options.find((o) => o.value === value)?.text ?? String(value);
}
