import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { database } from './db/instance';
import { requireCaseworker } from './auth/guard';
import { mayEditIn, postingForEdit, savePosting, setPostingStatus, unknownPostingReferences } from './postings-admin';
import { postingFormSchema, POSTING_STATUSES } from '$lib/staff/posting-form';
import { fieldErrors } from '$lib/application/schema';

/** Reads the editor's form: every field once, the tasks as a list. */
async function readForm(request: Request) {
	const data = await request.formData();
	const values = Object.fromEntries([...data.entries()].filter(([key]) => key !== 'tasks').map(([key, value]) => [key, String(value)]));
	return { ...values, tasks: data.getAll('tasks').map(String) };
}

export async function savePostingAction({ locals, request, params }: RequestEvent) {
	const staff = requireCaseworker(locals.staff);
	const values = await readForm(request);
	const parsed = postingFormSchema.safeParse(values);
	if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values });
	const { db } = await database();
	const id = (params as { id?: string }).id;
	if (id) {
		const existing = await postingForEdit(db, id);
		if (!existing) error(404, 'staff.postings.notFound');
		if (!(await mayEditIn(db, staff, existing.municipality_code))) error(403, 'staff.postings.forbidden');
	}
	if (!(await mayEditIn(db, staff, parsed.data.municipality))) error(403, 'staff.postings.forbidden');
	const unknown = await unknownPostingReferences(db, parsed.data);
	if (Object.keys(unknown).length > 0) return fail(400, { errors: unknown, values });
	const saved = await savePosting(db, staff, parsed.data, id);
	redirect(303, `/personale/opslag/${saved}?gemt=1`);
}

export async function postingStatusAction({ locals, request, params }: RequestEvent) {
	const staff = requireCaseworker(locals.staff);
	const status = String((await request.formData()).get('status') ?? '');
	if (!(POSTING_STATUSES as readonly string[]).includes(status)) return fail(400, { errors: { status: 'errors.choose' } });
	const { db } = await database();
	const id = (params as { id: string }).id;
	const existing = await postingForEdit(db, id);
	if (!existing) error(404, 'staff.postings.notFound');
	if (!(await mayEditIn(db, staff, existing.municipality_code))) error(403, 'staff.postings.forbidden');
	await setPostingStatus(db, staff, id, status);
	return { statusChanged: status };
}
