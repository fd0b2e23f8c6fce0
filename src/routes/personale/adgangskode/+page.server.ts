import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { changeOwnPassword } from '$lib/server/auth/change-password';
import { deleteOtherSessions, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { audit } from '$lib/server/audit';

export const load: PageServerLoad = ({ locals, url }) => ({
	mustChange: locals.staffGate === 'password',
	changed: url.searchParams.has('skiftet')
});

export const actions: Actions = {
	default: async ({ locals, request, cookies }) => {
		const staff = locals.staff;
		if (!staff) error(401, 'Sign in first.');
		const form = await request.formData();
		const field = (name: string) => String(form.get(name) ?? '');
		const { db } = await database();
		const result = await changeOwnPassword(db, staff, { current: field('current'), next: field('next'), repeat: field('repeat') });
		if (!result.ok) return fail(400, { errors: result.errors });
		// Anyone else signed in with the old password is signed out.
		await deleteOtherSessions(db, staff.id, cookies.get(SESSION_COOKIE) ?? '');
		await audit(db, { staffId: staff.id, action: 'password-change' });
		// A forced change goes on to the staff area (or to two-factor enrolment, if that is next).
		redirect(303, locals.staffGate === 'password' ? '/personale' : '/personale/adgangskode?skiftet=1');
	}
};
