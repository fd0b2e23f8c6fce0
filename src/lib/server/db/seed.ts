import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';
import { searchText } from '$lib/jobs/search';
import { municipalities } from '$lib/jobs/municipalities';
import { catalogue, seedConsultants, seedPostings } from './seed-files';

/** Raise this when the seed files change in a way an existing database should not get. */
const SEED_VERSION = '1';

/** Inserts rows in chunks: both SQLite and PostgreSQL cap the number of bound parameters. */
async function insertAll<T extends keyof Database & string>(
	db: Kysely<Database>,
	table: T,
	rows: Database[T][]
): Promise<void> {
	for (let i = 0; i < rows.length; i += 200) {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		await db.insertInto(table).values(rows.slice(i, i + 200) as any).execute();
	}
}

/**
 * Fills an empty database with the seed files; a seeded one is left alone. On PostgreSQL
 * several app servers may start at once: a transaction lock lets one seed, the others wait
 * and then find it seeded.
 */
/** Any fixed number: the key of PostgreSQL's advisory lock for seeding. */
const SEED_LOCK = 5_313_001;

export async function seedIfEmpty(db: Kysely<Database>, dialect: 'sqlite' | 'postgres' = 'sqlite'): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
		const seeded = await trx
			.selectFrom('meta')
			.select('value')
			.where('key', '=', 'seed_version')
			.executeTakeFirst();
		if (seeded) return false;

		const consultantOf = new Map<string, string>();
		for (const consultant of seedConsultants) {
			for (const code of consultant.municipalities) consultantOf.set(code, consultant.id);
		}
		const municipalityName = new Map(municipalities.map((m) => [m.code, m.name]));
		const tasks = new Map(catalogue.tasks.map((task) => [task.id, task]));
		const descriptions = new Map(catalogue.descriptions.map((d) => [d.id, d]));

		await insertAll(
			trx,
			'consultants',
			seedConsultants.map((c) => ({
				id: c.id,
				first_name: c.firstName,
				last_name: c.lastName,
				phone: c.phone,
				email: c.email
			}))
		);
		await insertAll(
			trx,
			'municipalities',
			municipalities.map((m) => {
				const consultantId = consultantOf.get(m.code);
				if (!consultantId) throw new Error(`No consultant covers municipality ${m.code}`);
				return {
					code: m.code,
					name: m.name,
					region: m.region,
					agreement: m.klapjobAgreement,
					consultant_id: consultantId
				};
			})
		);
		await insertAll(
			trx,
			'job_types',
			catalogue.jobTypes.map((type, position) => ({
				id: type.id,
				position,
				picture: type.picture,
				share_2020: type.share2020,
				name_da: type.name.da,
				name_en: type.name.en,
				name_ar: type.name.ar,
				about_da: type.about.da,
				about_en: type.about.en,
				about_ar: type.about.ar
			}))
		);
		await insertAll(
			trx,
			'tasks',
			catalogue.tasks.map((task) => ({
				id: task.id,
				picture: task.picture,
				text_da: task.text.da,
				text_en: task.text.en,
				text_ar: task.text.ar
			}))
		);
		await insertAll(
			trx,
			'job_type_tasks',
			catalogue.jobTypes.flatMap((type) =>
				type.typicalTasks.map((taskId, position) => ({
					job_type_id: type.id,
					task_id: taskId,
					position
				}))
			)
		);
		await insertAll(
			trx,
			'descriptions',
			catalogue.descriptions.map((d) => ({
				id: d.id,
				job_type_id: d.jobType,
				title_da: d.title.da,
				title_en: d.title.en,
				title_ar: d.title.ar
			}))
		);
		await insertAll(
			trx,
			'description_tasks',
			catalogue.descriptions.flatMap((d) =>
				d.tasks.map((taskId, position) => ({ description_id: d.id, task_id: taskId, position }))
			)
		);

		const postingRows: Database['postings'][] = [];
		const seededAt = new Date().toISOString();
		const postingTaskRows: Database['posting_tasks'][] = [];
		for (const posting of seedPostings) {
			const description = descriptions.get(posting.description);
			if (!description) throw new Error(`Posting ${posting.id}: unknown description`);
			const taskTexts = posting.tasks.map((taskId) => {
				const task = tasks.get(taskId);
				if (!task) throw new Error(`Posting ${posting.id}: unknown task ${taskId}`);
				return task.text.da;
			});
			postingRows.push({
				id: posting.id,
				description_id: description.id,
				job_type_id: description.jobType,
				title: posting.title,
				employer: posting.employer,
				place: posting.place,
				municipality_code: posting.municipality,
				hours_per_week: posting.hoursPerWeek,
				eligibility: posting.eligibility,
				status: 'live',
				published_at: posting.publishedAt,
				updated_at: seededAt,
				search_text: searchText([
					posting.title,
					description.title.en,
					posting.employer,
					posting.place,
					municipalityName.get(posting.municipality) ?? '',
					...taskTexts
				])
			});
			posting.tasks.forEach((taskId, position) => {
				postingTaskRows.push({
					posting_id: posting.id,
					position,
					task_id: taskId,
					text: taskTexts[position] ?? ''
				});
			});
		}
		await insertAll(trx, 'postings', postingRows);
		await insertAll(trx, 'posting_tasks', postingTaskRows);
		await trx.insertInto('meta').values({ key: 'seed_version', value: SEED_VERSION }).execute();
		return true;
	});
}
