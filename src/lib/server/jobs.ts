import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { Language } from '$lib/i18n/languages';
import { localized } from './db/localized';
import type { JobFilters } from '$lib/jobs/filters';
import { normaliseForSearch } from '$lib/jobs/search';
import { pictureUrl } from '$lib/pictures';
import type { Eligibility, Job, JobList, JobType, JobTypeDetail, JobTypeId } from '$lib/jobs/types';
import type { Region } from '$lib/jobs/municipalities';

/** LIKE treats % and _ as wildcards; a person's search text must match literally. */
function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function filteredPostings(db: Kysely<Database>, filters: JobFilters) {
	let query = db
		.selectFrom('postings')
		.innerJoin('municipalities', 'municipalities.code', 'postings.municipality_code')
		.where('postings.status', '=', 'live');
	if (filters.municipality) query = query.where('postings.municipality_code', '=', filters.municipality);
	if (filters.region) query = query.where('municipalities.region', '=', filters.region);
	if (filters.jobType) query = query.where('postings.job_type_id', '=', filters.jobType);
	if (filters.maxHours) query = query.where('postings.hours_per_week', '<=', filters.maxHours);
	for (const word of normaliseForSearch(filters.q ?? '').split(' ').filter(Boolean)) {
		query = query.where('postings.search_text', 'like', `%${escapeLike(word)}%`);
	}
	return query;
}

export async function listJobs(
	db: Kysely<Database>,
	filters: JobFilters,
	lang: Language
): Promise<JobList> {
	const [countRow, rows] = await Promise.all([
		filteredPostings(db, filters)
			.select((eb) => eb.fn.countAll<string | number>().as('total'))
			.executeTakeFirstOrThrow(),
		filteredPostings(db, filters)
			.select('postings.id')
			.orderBy('postings.published_at', 'desc')
			.orderBy('postings.id')
			.limit(filters.limit ?? 500)
			.offset(filters.offset ?? 0)
			.execute()
	]);
	const jobs = await jobsByIds(
		db,
		rows.map((row) => row.id),
		lang
	);
	return { jobs, total: Number(countRow.total) };
}

export async function getJob(
	db: Kysely<Database>,
	id: string,
	lang: Language
): Promise<Job | undefined> {
	const [job] = await jobsByIds(db, [id], lang);
	return job;
}

/** Loads whole postings (with tasks) in the order of `ids`, in two queries. */
export async function jobsByIds(db: Kysely<Database>, ids: string[], lang: Language): Promise<Job[]> {
	if (ids.length === 0) return [];
	const [postings, tasks] = await Promise.all([
		db
			.selectFrom('postings')
			.innerJoin('municipalities', 'municipalities.code', 'postings.municipality_code')
			.innerJoin('consultants', 'consultants.id', 'municipalities.consultant_id')
			.innerJoin('job_types', 'job_types.id', 'postings.job_type_id')
			.innerJoin('descriptions', 'descriptions.id', 'postings.description_id')
			.where('postings.id', 'in', ids)
			// The public sees live postings only; paused and closed ones are gone.
			.where('postings.status', '=', 'live')
			.select([
				'postings.id',
				'postings.title',
				'descriptions.title_en',
				'descriptions.title_ar',
				'postings.employer',
				'postings.place',
				'postings.municipality_code',
				'municipalities.name as municipality',
				'municipalities.region',
				'postings.job_type_id',
				'job_types.name_da as job_type_name_da',
				'job_types.name_en as job_type_name_en',
				'job_types.name_ar as job_type_name_ar',
				'job_types.picture as job_type_picture',
				'postings.hours_per_week',
				'postings.eligibility',
				'postings.published_at',
				'consultants.first_name as consultant_first_name',
				'consultants.phone as consultant_phone'
			])
			.execute(),
		db
			.selectFrom('posting_tasks')
			.innerJoin('tasks', 'tasks.id', 'posting_tasks.task_id')
			.where('posting_tasks.posting_id', 'in', ids)
			.select([
				'posting_tasks.posting_id',
				'posting_tasks.task_id',
				'posting_tasks.text',
				'tasks.text_en',
				'tasks.text_ar',
				'tasks.picture'
			])
			.orderBy('posting_tasks.posting_id')
			.orderBy('posting_tasks.position')
			.execute()
	]);

	const tasksByPosting = new Map<string, Job['tasks']>();
	for (const task of tasks) {
		const list = tasksByPosting.get(task.posting_id) ?? [];
		list.push({
			id: task.task_id,
			// Posting text is Danish; other languages come from the catalogue.
			text: lang === 'da' ? task.text : localized(task, 'text', lang),
			picture: pictureUrl(task.picture)
		});
		tasksByPosting.set(task.posting_id, list);
	}

	const byId = new Map(
		postings.map((row): [string, Job] => [
			row.id,
			{
				id: row.id,
				title: lang === 'da' ? row.title : localized({ title_da: row.title, title_en: row.title_en, title_ar: row.title_ar }, 'title', lang),
				employer: row.employer,
				place: row.place,
				municipality: row.municipality,
				municipalityCode: row.municipality_code,
				region: row.region as Region,
				jobType: row.job_type_id as JobTypeId,
				jobTypeName: localized({ name_da: row.job_type_name_da, name_en: row.job_type_name_en, name_ar: row.job_type_name_ar }, 'name', lang),
				jobTypePicture: pictureUrl(row.job_type_picture),
				hoursPerWeek: Number(row.hours_per_week),
				eligibility: row.eligibility as Eligibility,
				tasks: tasksByPosting.get(row.id) ?? [],
				consultant: { firstName: row.consultant_first_name, phone: row.consultant_phone },
				publishedAt: row.published_at
			}
		])
	);
	return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Job types in catalogue order, with how many live postings each has: counted once per
 * type from the index of (status, job type), then joined to the few types (a join first
 * made SQLite read every posting of each type).
 */
export async function listJobTypes(db: Kysely<Database>, lang: Language): Promise<JobType[]> {
	const live = db
		.selectFrom('postings')
		.select(['postings.job_type_id', (eb) => eb.fn.countAll<string | number>().as('count')])
		.where('postings.status', '=', 'live')
		.groupBy('postings.job_type_id')
		.as('live');
	const rows = await db
		.selectFrom('job_types')
		.leftJoin(live, 'live.job_type_id', 'job_types.id')
		.select(['job_types.id', 'job_types.name_da', 'job_types.name_en', 'job_types.name_ar', 'job_types.picture', 'live.count'])
		.orderBy('job_types.position')
		.execute();
	return rows.map((row) => ({
		id: row.id as JobTypeId,
		name: localized(row, 'name', lang),
		picture: pictureUrl(row.picture),
		count: Number(row.count ?? 0)
	}));
}

/** One job type for the explorer: what you do there, in easy words, and its typical tasks. */
export async function getJobType(db: Kysely<Database>, id: string, lang: Language): Promise<JobTypeDetail | undefined> {
	const types = await listJobTypes(db, lang);
	const type = types.find((t) => t.id === id);
	if (!type) return undefined;
	const [row, tasks] = await Promise.all([
		db.selectFrom('job_types').select(['about_da', 'about_en', 'about_ar']).where('id', '=', id).executeTakeFirstOrThrow(),
		db
			.selectFrom('job_type_tasks')
			.innerJoin('tasks', 'tasks.id', 'job_type_tasks.task_id')
			.select(['tasks.id', 'tasks.text_da', 'tasks.text_en', 'tasks.text_ar', 'tasks.picture'])
			.where('job_type_tasks.job_type_id', '=', id)
			.orderBy('job_type_tasks.position')
			.execute()
	]);
	return {
		...type,
		about: localized(row, 'about', lang),
		tasks: tasks.map((task) => ({ id: task.id, text: localized(task, 'text', lang), picture: pictureUrl(task.picture) }))
	};
}
