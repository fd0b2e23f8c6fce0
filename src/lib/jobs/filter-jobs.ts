import type { JobFilters } from './filters';
import { municipalityByCode } from './municipalities';
import { normaliseForSearch } from './search';
import type { Job, JobList, JobType } from './types';

/**
 * The API's filters, done on the device's own copy of the postings: the job list
 * works the same without a connection. Same order as the API: newest first.
 */
export function filterJobs(jobs: Job[], filters: JobFilters): JobList {
	const words = normaliseForSearch(filters.q ?? '').split(' ').filter(Boolean);
	const matching = jobs
		.filter((job) => !filters.municipality || job.municipalityCode === filters.municipality)
		.filter((job) => !filters.region || municipalityByCode.get(job.municipalityCode)?.region === filters.region)
		.filter((job) => !filters.jobType || job.jobType === filters.jobType)
		.filter((job) => !filters.maxHours || job.hoursPerWeek <= filters.maxHours)
		.filter((job) => {
			if (words.length === 0) return true;
			const text = normaliseForSearch(
				[job.title, job.employer, job.place, job.municipality, ...job.tasks.map((task) => task.text)].join(' ')
			);
			return words.every((word) => text.includes(word));
		})
		.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
	const offset = filters.offset ?? 0;
	return { jobs: matching.slice(offset, offset + (filters.limit ?? 500)), total: matching.length };
}

/** Job types with live counts, from the device's postings (when the API cannot be asked). */
export function countJobTypes(jobTypes: JobType[], jobs: Job[]): JobType[] {
	return jobTypes.map((type) => ({ ...type, count: jobs.filter((job) => job.jobType === type.id).length }));
}
