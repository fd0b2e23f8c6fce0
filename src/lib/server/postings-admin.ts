import { postingsChanged } from './answer-cache';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { StaffMember } from '$lib/staff/roles';
import type { PostingForm } from '$lib/staff/posting-form';
import { normaliseForSearch, searchText } from '$lib/jobs/search';
import { STAFF_POSTINGS_PAGE_SIZE, type StaffPostingsQuery } from '$lib/staff/postings-list';
import { municipalityByCode } from '$lib/jobs/municipalities';
import { audit } from './audit';
import { inScope } from './scope';
import { databaseNow } from './db/clock';

/** The secretariat works everywhere; a consultant only in their municipalities. */
export async function mayEditIn(db: Kysely<Database>, staff: StaffMember, municipality: string): Promise<boolean> {
	if (staff.role === 'sekretariat') return true;
	if (staff.role !== 'konsulent') return false;
	const row = await db.selectFrom('municipalities').select('consultant_id').where('code', '=', municipality).executeTakeFirst();
	return row?.consultant_id === staff.consultantId;
}

/** LIKE treats % and _ as wildcards; staff's search words must match literally. */
function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function staffPostings(db: Kysely<Database>, staff: StaffMember, query: StaffPostingsQuery) {
	// A consultant sees only the postings of their own municipalities.
	let rows = inScope(db.selectFrom('postings').innerJoin('municipalities', 'municipalities.code', 'postings.municipality_code'), staff, 'municipalities');
	if (query.kommune) rows = rows.where('postings.municipality_code', '=', query.kommune);
	if (query.type) rows = rows.where('postings.job_type_id', '=', query.type);
	if (query.status) rows = rows.where('postings.status', '=', query.status);
	for (const word of normaliseForSearch(query.q ?? '').split(' ').filter(Boolean)) {
		rows = rows.where('postings.search_text', 'like', `%${escapeLike(word)}%`);
	}
	return rows;
}

export interface StaffPostingRow {
	id: string;
	title: string;
	employer: string;
	place: string;
	municipality: string;
	jobType: string;
	status: string;
	publishedAt: string;
	applications: number;
}

export interface StaffPostingPage {
	postings: StaffPostingRow[];
	total: number;
	page: number;
	pages: number;
	first: number;
	last: number;
}

/** One page of the staff's postings with the number found and each posting's applications. */
export async function listPostingsForStaff(db: Kysely<Database>, staff: StaffMember, query: StaffPostingsQuery = {}): Promise<StaffPostingPage> {
	// One filter for the count and the page (the builder is immutable, so both start from it).
	const filtered = staffPostings(db, staff, query);
	const countRow = await filtered
		.select((eb) => eb.fn.countAll<string | number>().as('total'))
		.executeTakeFirstOrThrow();
	const total = Number(countRow.total);
	const pages = Math.max(1, Math.ceil(total / STAFF_POSTINGS_PAGE_SIZE));
	// A page past the end shows the last one, so an old link still shows something.
	const page = Math.min(query.side ?? 1, pages);
	const rows = await filtered
		.select(['postings.id', 'postings.title', 'postings.employer', 'postings.place', 'postings.status', 'postings.job_type_id', 'municipalities.name as municipality', 'postings.published_at'])
		.orderBy('postings.published_at', 'desc')
		.orderBy('postings.id', 'desc')
		.limit(STAFF_POSTINGS_PAGE_SIZE)
		.offset((page - 1) * STAFF_POSTINGS_PAGE_SIZE)
		.execute();
	const counts = await applicationCounts(db, staff, rows.map((row) => row.id));
	return {
		postings: rows.map((row) => ({
			id: row.id,
			title: row.title,
			employer: row.employer,
			place: row.place,
			municipality: row.municipality,
			jobType: row.job_type_id,
			status: row.status,
			publishedAt: row.published_at,
			applications: counts.get(row.id) ?? 0
		})),
		total,
		page,
		pages,
		first: rows.length === 0 ? 0 : (page - 1) * STAFF_POSTINGS_PAGE_SIZE + 1,
		last: (page - 1) * STAFF_POSTINGS_PAGE_SIZE + rows.length
	};
}

/** Applications per posting for one page, in one grouped query; a consultant counts only their own cases. */
async function applicationCounts(db: Kysely<Database>, staff: StaffMember, ids: string[]): Promise<Map<string, number>> {
	if (ids.length === 0) return new Map();
	const query = db
		.selectFrom('applications')
		.select((eb) => ['applications.posting_id', eb.fn.countAll<string | number>().as('count')])
		.where('applications.posting_id', 'in', ids);
	const rows = await inScope(query, staff, 'applications').groupBy('applications.posting_id').execute();
	return new Map(rows.map((row) => [String(row.posting_id), Number(row.count)]));
}

export async function postingForEdit(db: Kysely<Database>, id: string) {
	const posting = await db.selectFrom('postings').selectAll().where('id', '=', id).executeTakeFirst();
	if (!posting) return undefined;
	const tasks = await db.selectFrom('posting_tasks').select('task_id').where('posting_id', '=', id).orderBy('position').execute();
	return { ...posting, tasks: tasks.map((task) => task.task_id) };
}

/**
 * Field errors for ids in the form that name nothing: a description or task that was
 * removed, or a hand-made request. Checked before saving, so the editor gets a message.
 */
export async function unknownPostingReferences(db: Kysely<Database>, form: PostingForm): Promise<Record<string, string>> {
	const errors: Record<string, string> = {};
	const description = await db.selectFrom('descriptions').select('id').where('id', '=', form.description).executeTakeFirst();
	if (!description) errors.description = 'staff.postings.errors.unknownDescription';
	const wanted = [...new Set(form.tasks)];
	const found = wanted.length === 0 ? [] : await db.selectFrom('tasks').select('id').where('id', 'in', wanted).execute();
	if (found.length !== wanted.length) errors.tasks = 'staff.postings.errors.unknownTask';
	return errors;
}

async function rows(db: Kysely<Database>, form: PostingForm) {
	const description = await db.selectFrom('descriptions').selectAll().where('id', '=', form.description).executeTakeFirst();
	if (!description) throw new Error('Unknown description');
	const tasks = await db.selectFrom('tasks').select(['id', 'text_da']).where('id', 'in', form.tasks).execute();
	const text = new Map(tasks.map((task) => [task.id, task.text_da]));
	const taskTexts = form.tasks.map((id) => text.get(id) ?? '');
	return {
		description,
		taskTexts,
		search: searchText([form.title, description.title_en, form.employer, form.place, municipalityByCode.get(form.municipality)?.name ?? '', ...taskTexts])
	};
}

/** Next free id in the seed's style (p0001 …). */
async function newPostingId(db: Kysely<Database>): Promise<string> {
	const last = await db.selectFrom('postings').select('id').where('id', 'like', 'p%').orderBy('id', 'desc').executeTakeFirst();
	const next = (Number(last?.id.slice(1)) || 0) + 1;
	return `p${String(next).padStart(4, '0')}`;
}

export async function savePosting(db: Kysely<Database>, staff: StaffMember, form: PostingForm, id?: string): Promise<string> {
	const { description, taskTexts, search } = await rows(db, form);
	const saved = await db.transaction().execute(async (trx) => {
		const postingId = id ?? (await newPostingId(trx));
		const values = {
			description_id: description.id,
			job_type_id: description.job_type_id,
			title: form.title,
			employer: form.employer,
			place: form.place,
			municipality_code: form.municipality,
			hours_per_week: form.hoursPerWeek,
			eligibility: form.eligibility,
			search_text: search,
			// The database's clock: the phones' change cursors compare it across app servers.
			updated_at: await databaseNow(trx)
		};
		if (id) {
			await trx.updateTable('postings').set(values).where('id', '=', id).execute();
			await trx.deleteFrom('posting_tasks').where('posting_id', '=', id).execute();
		} else {
			await trx
				.insertInto('postings')
				.values({ id: postingId, ...values, status: 'live', published_at: new Date().toISOString().slice(0, 10) })
				.execute();
		}
		await trx
			.insertInto('posting_tasks')
			.values(form.tasks.map((taskId, position) => ({ posting_id: postingId, position, task_id: taskId, text: taskTexts[position] ?? '' })))
			.execute();
		await audit(trx, { staffId: staff.id, action: id ? 'edit-posting' : 'create-posting', detail: postingId });
		return postingId;
	});
	postingsChanged();
	return saved;
}

export async function setPostingStatus(db: Kysely<Database>, staff: StaffMember, id: string, status: string): Promise<void> {
	await db.updateTable('postings').set({ status, updated_at: await databaseNow(db) }).where('id', '=', id).execute();
	postingsChanged();
	await audit(db, { staffId: staff.id, action: 'posting-status', detail: `${id} ${status}` });
}

/** The catalogue for the form: standard descriptions with their tasks, and every task. */
export async function catalogueForForm(db: Kysely<Database>) {
	const [descriptions, descriptionTasks, tasks] = await Promise.all([
		db.selectFrom('descriptions').innerJoin('job_types', 'job_types.id', 'descriptions.job_type_id').select(['descriptions.id', 'descriptions.title_da', 'descriptions.job_type_id', 'job_types.name_da as job_type_name']).orderBy('job_types.position').orderBy('descriptions.title_da').execute(),
		db.selectFrom('description_tasks').select(['description_id', 'task_id']).orderBy('position').execute(),
		db.selectFrom('tasks').select(['id', 'text_da', 'picture']).orderBy('text_da').execute()
	]);
	return {
		descriptions: descriptions.map((d) => ({
			id: d.id,
			title: d.title_da,
			jobType: d.job_type_id,
			jobTypeName: d.job_type_name,
			tasks: descriptionTasks.filter((dt) => dt.description_id === d.id).map((dt) => dt.task_id)
		})),
		tasks: tasks.map((task) => ({ id: task.id, text: task.text_da, picture: task.picture }))
	};
}
