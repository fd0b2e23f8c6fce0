import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { checkCredentials } from '$lib/server/auth/staff';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { signInAllowed } from '$lib/server/auth/sign-in-limit';
import { audit } from '$lib/server/audit';

/** Only paths inside the staff area: a sign-in link cannot send anyone elsewhere. */
function safeNext(value: string | null): string {
	return value && value.startsWith('/personale') && !value.startsWith('//') ? value : '/personale';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.staff) redirect(303, safeNext(url.searchParams.get('next')));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const limit = signInAllowed(email, getClientAddress());
		if (!limit.allowed) return fail(429, { email, error: 'limited', minutes: limit.minutes });

		const { db } = await database();
		const staff = await checkCredentials(db, email, password);
		if (!staff) {
			await audit(db, { staffId: null, action: 'sign-in-failed' });
			return fail(400, { email, error: 'failed', minutes: 0 });
		}
		const session = await createSession(db, staff.id);
		cookies.set(SESSION_COOKIE, session.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires: session.expires
		});
		await audit(db, { staffId: staff.id, action: 'sign-in' });
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
