import '$lib/zod-config';
import { z } from 'zod';
import { FOLLOW_UP_OUTCOMES, HIRE_TYPES, STATUSES, WELLBEING } from './path';

/** A staff member's new step on the path, from the case page's form. Messages are i18n keys. */
export const stepFormSchema = z
	.object({
		status: z.enum(STATUSES),
		note: z.string().trim().max(2000).optional(),
		publicNote: z.string().trim().max(500).optional(),
		at: z.iso.date().optional().or(z.literal('').transform(() => undefined)),
		hireType: z.enum(HIRE_TYPES).optional(),
		employer: z.string().trim().max(200).optional(),
		hours: z.coerce.number().int().min(1).max(37).optional(),
		weeks: z.coerce.number().int().min(0).max(4).optional(),
		outcome: z.enum(FOLLOW_UP_OUTCOMES).optional(),
		wellbeing: z.enum(WELLBEING).optional()
	})
	.superRefine((step, context) => {
		const need = (field: string, ok: boolean, message = 'staff.case.fieldRequired') => {
			if (!ok) context.addIssue({ code: 'custom', path: [field], message });
		};
		// Never silence: a person outside the target group is told where to get help.
		if (step.status === 'outside-target-group') need('publicNote', !!step.publicNote, 'staff.case.publicNoteRequired');
		if (step.status === 'hired') {
			need('hireType', !!step.hireType);
			need('employer', !!step.employer);
			need('hours', !!step.hours);
		}
		if (step.status === 'follow-up') {
			need('outcome', !!step.outcome);
			need('wellbeing', !!step.wellbeing);
		}
	});

export type StepForm = z.infer<typeof stepFormSchema>;

/** The facts worth keeping with the step. */
export function stepDetails(step: StepForm): Record<string, unknown> | undefined {
	if (step.status === 'hired') return { hireType: step.hireType, employer: step.employer, hours: step.hours };
	if (step.status === 'internship') return { weeks: step.weeks ?? 4 };
	if (step.status === 'follow-up') return { outcome: step.outcome, wellbeing: step.wellbeing };
	return undefined;
}

/** The 6-month call's outcome, recorded from the follow-up list (one small form per row). */
export const followUpFormSchema = z.object({
	id: z.string().trim().min(1).max(64),
	outcome: z.enum(FOLLOW_UP_OUTCOMES, { message: 'staff.followUps.errors.outcome' }),
	wellbeing: z.enum(WELLBEING, { message: 'staff.followUps.errors.wellbeing' })
});
