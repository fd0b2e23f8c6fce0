import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { postingEditorData } from '$lib/server/posting-editor-data';
import { savePostingAction } from '$lib/server/posting-actions';

export const load: PageServerLoad = async ({ locals }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	return { ...(await postingEditorData(db, staff)), posting: null };
};

export const actions: Actions = { save: savePostingAction };
