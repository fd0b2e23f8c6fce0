import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database, staffSecretKey } from '$lib/server/db/instance';
import { deleteSignInStep, staffForSignInStep, STEP_COOKIE } from '$lib/server/auth/sessions';
import { recordSecondStepFailure, secondStepLimited } from '$lib/server/auth/sign-in-limit';
import { checkSecondStep } from '$lib/server/auth/two-factor';
import { safeNext, startSession } from '$lib/server/auth/cookies';
import { audit } from '$lib/server/audit';

const expired = (url: URL) => `/personale/log-ind?next=${encodeURIComponent(safeNext(url.searchParams.get('next')))}&udloebet=1`;

export const load: PageServerLoad = async ({ cookies, url }) => {
	const token = cookies.get(STEP_COOKIE);
	const { db } = await database();
	if (!token || !(await staffForSignInStep(db, token))) redirect(303, expired(url));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const token = cookies.get(STEP_COOKIE);
		const { db } = await database();
		const staff = token ? await staffForSignInStep(db, token) : null;
		if (!token || !staff) redirect(303, expired(url));
		const address = getClientAddress();
		const minutes = await secondStepLimited(db, staff.id, address);
		if (minutes !== null) {
			await audit(db, { staffId: staff.id, action: 'sign-in-code-refused', detail: `address ${address}` });
			return fail(429, { error: 'limited', minutes });
		}
		const code = String((await request.formData()).get('code') ?? '');
		const used = await checkSecondStep(db, staffSecretKey(), staff.id, code);
		if (!used) {
			await recordSecondStepFailure(db, staff.id, address);
			await audit(db, { staffId: staff.id, action: 'sign-in-code-failed', detail: `address ${address}` });
			return fail(400, { error: 'failed', minutes: 0 });
		}
		await deleteSignInStep(db, token);
		cookies.delete(STEP_COOKIE, { path: '/personale/log-ind' });
		await startSession(db, cookies, url, staff.id);
		await audit(db, { staffId: staff.id, action: 'sign-in', detail: `${used} address ${address}` });
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
