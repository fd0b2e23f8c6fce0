import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { audit } from '$lib/server/audit';

export const load: PageServerLoad = () => redirect(303, '/personale');

export const actions: Actions = {
	default: async ({ cookies, locals }) => {
		const token = cookies.get(SESSION_COOKIE);
		const { db } = await database();
		if (token) await deleteSession(db, token);
		if (locals.staff) await audit(db, { staffId: locals.staff.id, action: 'sign-out' });
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/personale/log-ind');
	}
};
