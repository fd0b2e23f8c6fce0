import { z } from 'zod';
import { ELIGIBILITIES, JOB_TYPE_IDS } from '$lib/jobs/types';
import catalogueFile from './seed/catalogue.json';
import consultantsFile from './seed/consultants.json';
import postingsFile from './seed/postings.json';

/** Schemas for the seed files: a broken file fails loudly at start, not as odd pages. */
/** Every catalogue text in every language the app speaks. */
const bilingual = z.object({ da: z.string().min(1), en: z.string().min(1), ar: z.string().min(1) });
const id = z.string().regex(/^[a-z0-9-]+$/);

export const catalogueSchema = z.object({
	jobTypes: z.array(
		z.object({
			id: z.enum(JOB_TYPE_IDS),
			share2020: z.number().positive(),
			picture: id,
			name: bilingual,
			about: bilingual,
			typicalTasks: z.array(id).min(4).max(8)
		})
	),
	tasks: z.array(z.object({ id, picture: id, text: bilingual })),
	descriptions: z.array(
		z.object({
			id,
			jobType: z.enum(JOB_TYPE_IDS),
			title: bilingual,
			tasks: z.array(id).min(3).max(6),
			chains: z.array(z.string())
		})
	)
});

export const consultantsSchema = z.object({
	consultants: z.array(
		z.object({
			id,
			firstName: z.string().min(1),
			lastName: z.string().min(1),
			phone: z.string().regex(/^\+45( \d\d){4}$/),
			email: z.email(),
			municipalities: z.array(z.string().regex(/^\d{3}$/)).min(6).max(9)
		})
	)
});

export const postingsSchema = z.object({
	postings: z.array(
		z.object({
			id,
			description: id,
			employer: z.string().min(1),
			place: z.string().min(1),
			municipality: z.string().regex(/^\d{3}$/),
			hoursPerWeek: z.number().int().min(1).max(37),
			title: z.string().min(1),
			tasks: z.array(id).min(3).max(6),
			eligibility: z.enum(ELIGIBILITIES),
			publishedAt: z.iso.date()
		})
	)
});

export type Catalogue = z.infer<typeof catalogueSchema>;
export type SeedConsultant = z.infer<typeof consultantsSchema>['consultants'][number];
export type SeedPosting = z.infer<typeof postingsSchema>['postings'][number];

export const catalogue: Catalogue = catalogueSchema.parse(catalogueFile);
export const seedConsultants: SeedConsultant[] = consultantsSchema.parse(consultantsFile).consultants;
export const seedPostings: SeedPosting[] = postingsSchema.parse(postingsFile).postings;
