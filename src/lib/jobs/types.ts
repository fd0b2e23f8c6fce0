import type { Region } from './municipalities';

export const JOB_TYPE_IDS = [
	'retail',
	'hospitality',
	'warehouse',
	'service',
	'office',
	'care',
	'farming',
	'crafts',
	'animals',
	'car-workshop',
	'other'
] as const;
export type JobTypeId = (typeof JOB_TYPE_IDS)[number];

export const ELIGIBILITIES = ['fortidspension', 'fortidspension-or-fleksjob'] as const;
export type Eligibility = (typeof ELIGIBILITIES)[number];

export interface JobTask {
	id: string;
	text: string;
	/** URL of the picture, served from static/pictures. */
	picture: string;
}

export interface JobType {
	id: JobTypeId;
	name: string;
	picture: string;
	/** Live postings of this type. */
	count: number;
}

/** A job type in the explorer: what you do there, in easy words, and its typical tasks. */
export interface JobTypeDetail extends JobType {
	about: string;
	tasks: JobTask[];
}

/** One posting as the API and the pages show it. */
export interface Job {
	id: string;
	title: string;
	employer: string;
	place: string;
	municipality: string;
	municipalityCode: string;
	region: Region;
	jobType: JobTypeId;
	jobTypeName: string;
	jobTypePicture: string;
	hoursPerWeek: number;
	eligibility: Eligibility;
	tasks: JobTask[];
	consultant: { firstName: string; phone: string };
	publishedAt: string;
}

export interface JobList {
	jobs: Job[];
	total: number;
}
