import '$lib/zod-config';
import { z } from 'zod';
import { ELIGIBILITIES } from '$lib/jobs/types';
import { municipalityByCode } from '$lib/jobs/municipalities';

export const POSTING_STATUSES = ['live', 'paused', 'closed'] as const;

/** A posting as staff write it: built on a standard description, in easy Danish. Messages are i18n keys. */
export const postingFormSchema = z.object({
	description: z.string().min(1, { message: 'staff.postings.errors.description' }),
	title: z
		.string()
		.trim()
		.min(3, { message: 'staff.postings.errors.title' })
		.max(60, { message: 'staff.postings.errors.title' })
		.refine((title) => title.split(/\s+/).length <= 8, { message: 'staff.postings.errors.titleWords' }),
	employer: z.string().trim().min(1, { message: 'staff.postings.errors.employer' }).max(80),
	place: z.string().trim().min(1, { message: 'staff.postings.errors.place' }).max(120),
	municipality: z.string().refine((code) => municipalityByCode.has(code), { message: 'errors.municipality' }),
	hoursPerWeek: z.coerce.number({ message: 'staff.postings.errors.hours' }).int({ message: 'staff.postings.errors.hours' }).min(1, { message: 'staff.postings.errors.hours' }).max(37, { message: 'staff.postings.errors.hours' }),
	eligibility: z.enum(ELIGIBILITIES),
	tasks: z.array(z.string()).min(3, { message: 'staff.postings.errors.tasks' }).max(6, { message: 'staff.postings.errors.tasks' })
});

export type PostingForm = z.infer<typeof postingFormSchema>;
