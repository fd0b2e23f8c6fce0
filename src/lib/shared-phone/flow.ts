import type { Step } from '$lib/application/steps';

/** The form's page (?trin=…) that asks "Hjælperen er Mette — Ja / Skift" instead of the helper's questions. */
export const HELPER_KNOWN_STEP = 'hjaelper-kendt';

/** Where "Ja, det er rigtigt" goes: the first question that is not about who fills in. */
export function firstStepAfterHelper(steps: Step[]): Step {
	return steps.find((step) => step.field !== 'filledBy' && !step.field.startsWith('helper.')) ?? steps[0]!;
}
