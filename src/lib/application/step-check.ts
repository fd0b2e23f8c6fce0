import type { z } from 'zod';
import { applicationFields, fleksjobCriteriaSchema, helperSchema } from './schema';
import { labelSchema } from '$lib/shared-phone/label-schema';
import { activeSteps, getAnswer, type Answers, type Step } from './steps';

/*
 * Checking an answer needs the schema (zod), which the form's first screen does not: the
 * form loads this when the person moves on, so a slow phone draws the question sooner.
 */

/** The schema for one field path, so each step checks just its own answer. */
function fieldSchema(path: string): z.ZodType | undefined {
	const [head, tail] = path.split('.');
	if (head === 'label') return labelSchema;
	if (head === 'helper' && tail) return helperSchema.shape[tail as keyof typeof helperSchema.shape];
	if (head === 'fleksjobCriteria' && tail) {
		return fleksjobCriteriaSchema.shape[tail as keyof typeof fleksjobCriteriaSchema.shape];
	}
	return applicationFields[head as keyof typeof applicationFields];
}

/** The i18n key of what is wrong with this step's answer, or null when it is fine. */
export function stepError(step: Step, answers: Answers): string | null {
	const value = getAnswer(answers, step.field);
	if (step.kind === 'about') return null;
	if (step.optional && (value === undefined || (Array.isArray(value) && value.length === 0))) return null;
	if (value === undefined || value === '') {
		return step.kind === 'text' ? 'errors.name' : step.kind === 'phone' ? 'errors.phone' : step.kind === 'consent' ? 'errors.consent' : step.kind === 'municipality' ? 'errors.municipality' : 'errors.choose';
	}
	const result = fieldSchema(step.field)?.safeParse(value);
	if (!result || result.success) return null;
	return result.error.issues[0]?.message ?? 'errors.choose';
}

/** The first step not yet answered well: where to pick up a draft. */
export function firstOpenStep(answers: Answers): Step | undefined {
	return activeSteps(answers).find((step) => stepError(step, answers) !== null && getAnswer(answers, step.field) === undefined);
}
