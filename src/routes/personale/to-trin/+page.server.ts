import { error, fail } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import type { Actions, PageServerLoad } from './$types';
import { database, staffSecretKey } from '$lib/server/db/instance';
import { confirmEnrolment, newRecoveryCodes, recoveryCodesLeft, startEnrolment, totpUri, twoFactorEnrolled, twoFactorRequired } from '$lib/server/auth/two-factor';
import { audit } from '$lib/server/audit';

export const load: PageServerLoad = async ({ locals }) => {
	const staff = locals.staff;
	if (!staff) error(401, 'Sign in first.');
	const { db } = await database();
	const required = twoFactorRequired(staff.role);
	if (await twoFactorEnrolled(db, staff.id)) {
		return { enrolled: true as const, required, codesLeft: await recoveryCodesLeft(db, staff.id) };
	}
	const secret = await startEnrolment(db, staffSecretKey(), staff.id);
	const uri = totpUri(secret, staff.email);
	// Drawn here on the server: the secret never needs a script in the page. Medium error correction, quiet zone of 4.
	return { enrolled: false as const, required, secret: secret.replace(/(.{4})(?=.)/g, '$1 '), uri, qr: renderSVG(uri, { ecc: 'M', border: 4 }) };
};

export const actions: Actions = {
	confirm: async ({ locals, request }) => {
		const staff = locals.staff;
		if (!staff) error(401, 'Sign in first.');
		const code = String((await request.formData()).get('code') ?? '').slice(0, 20);
		const { db } = await database();
		const codes = await confirmEnrolment(db, staffSecretKey(), staff.id, code);
		if (!codes) return fail(400, { error: 'staff.security.twoFactorWrongCode' });
		await audit(db, { staffId: staff.id, action: 'two-factor-on' });
		// Shown once; only their hashes are kept.
		return { codes };
	},
	codes: async ({ locals }) => {
		const staff = locals.staff;
		if (!staff) error(401, 'Sign in first.');
		const { db } = await database();
		if (!(await twoFactorEnrolled(db, staff.id))) return fail(400, { error: 'staff.security.twoFactorRequired' });
		const codes = await newRecoveryCodes(db, staff.id);
		await audit(db, { staffId: staff.id, action: 'recovery-codes-new' });
		return { codes };
	}
};
