import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { mayEditIn, postingForEdit } from '$lib/server/postings-admin';
import { postingEditorData } from '$lib/server/posting-editor-data';
import { postingStatusAction, savePostingAction } from '$lib/server/posting-actions';

export const load: PageServerLoad = async ({ locals, params }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	const posting = await postingForEdit(db, params.id);
	if (!posting) error(404, 'staff.postings.notFound');
	if (!(await mayEditIn(db, staff, posting.municipality_code))) error(403, 'staff.postings.forbidden');
	return {
		...(await postingEditorData(db, staff)),
		posting: {
			id: posting.id,
			status: posting.status,
			description: posting.description_id,
			title: posting.title,
			employer: posting.employer,
			place: posting.place,
			municipality: posting.municipality_code,
			hoursPerWeek: posting.hours_per_week,
			eligibility: posting.eligibility,
			tasks: posting.tasks
		}
	};
};

export const actions: Actions = { save: savePostingAction, status: postingStatusAction };
