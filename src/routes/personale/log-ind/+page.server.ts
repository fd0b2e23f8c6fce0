import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { DEVICE_COOKIE, DEVICE_DAYS, signIn } from '$lib/server/auth/sign-in-limit';
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
		const { db } = await database();
		const result = await signIn(db, { email, password, address: getClientAddress(), deviceToken: cookies.get(DEVICE_COOKIE) });
		// Too long to be an address: refused as it is, and never echoed back into the form.
		if (result.kind === 'too-long') return fail(400, { email: '', error: 'too-long', minutes: 0 });
		if (result.kind === 'limited') return fail(429, { email, error: 'limited', minutes: result.minutes });
		if (result.kind === 'failed') {
			await audit(db, { staffId: null, action: 'sign-in-failed' });
			return fail(400, { email, error: 'failed', minutes: 0 });
		}
		const { staff } = result;
		// The device cookie: this browser keeps its own allowance of tries for this account.
		cookies.set(DEVICE_COOKIE, result.deviceToken, {
			path: '/personale/log-ind',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: DEVICE_DAYS * 86_400
		});
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
