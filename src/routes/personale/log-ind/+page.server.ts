import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { createSignInStep } from '$lib/server/auth/sessions';
import { DEVICE_COOKIE, DEVICE_DAYS, signIn } from '$lib/server/auth/sign-in-limit';
import { staffIdForEmail } from '$lib/server/auth/staff';
import { twoFactorEnrolled } from '$lib/server/auth/two-factor';
import { safeNext, setStepCookie, startSession } from '$lib/server/auth/cookies';
import { audit } from '$lib/server/audit';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.staff) redirect(303, safeNext(url.searchParams.get('next')));
	// Why the person is here: an unused session ended, or the second step took too long.
	return { idle: url.searchParams.has('inaktiv'), stepExpired: url.searchParams.has('udloebet') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		const address = getClientAddress();
		const { db } = await database();
		const result = await signIn(db, { email, password, address, deviceToken: cookies.get(DEVICE_COOKIE) });
		// Too long to be an address: refused as it is, and never echoed back into the form.
		if (result.kind === 'too-long') return fail(400, { email: '', error: 'too-long', minutes: 0 });
		if (result.kind === 'limited' || result.kind === 'failed') {
			// Who was tried (if the e-mail is an account) and from where; never the password.
			const staffId = await staffIdForEmail(db, email);
			await audit(db, { staffId, action: result.kind === 'limited' ? 'sign-in-refused' : 'sign-in-failed', detail: `address ${address}` });
			return result.kind === 'limited' ? fail(429, { email, error: 'limited', minutes: result.minutes }) : fail(400, { email, error: 'failed', minutes: 0 });
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
		const next = safeNext(url.searchParams.get('next'));
		if (await twoFactorEnrolled(db, staff.id)) {
			// The password was right; the session waits for the code.
			setStepCookie(cookies, url, await createSignInStep(db, staff.id));
			await audit(db, { staffId: staff.id, action: 'sign-in-password', detail: `address ${address}` });
			redirect(303, `/personale/log-ind/kode?next=${encodeURIComponent(next)}`);
		}
		await startSession(db, cookies, url, staff.id);
		await audit(db, { staffId: staff.id, action: 'sign-in', detail: `address ${address}` });
		redirect(303, next);
	}
};
