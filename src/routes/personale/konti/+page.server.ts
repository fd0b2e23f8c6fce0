import { fail } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireAdmin } from '$lib/server/auth/guard';
import { createStaff, listStaff, resetPassword, setStaffDisabled } from '$lib/server/auth/staff';
import { resetTwoFactor } from '$lib/server/auth/two-factor';
import { audit } from '$lib/server/audit';
import { consultantExists, isLastActiveAdmin } from '$lib/server/accounts';
import { ROLES } from '$lib/staff/roles';

const newAccountSchema = z
	.object({
		email: z.email(),
		name: z.string().trim().min(1).max(100),
		role: z.enum(ROLES),
		consultantId: z.string().optional()
	})
	.refine((account) => account.role !== 'konsulent' || !!account.consultantId);

export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals.staff);
	const { db } = await database();
	const [accounts, consultants] = await Promise.all([
		listStaff(db),
		db.selectFrom('consultants').select(['id', 'first_name', 'last_name']).orderBy('first_name').execute()
	]);
	return { accounts, consultants };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const admin = requireAdmin(locals.staff);
		const form = Object.fromEntries([...(await request.formData()).entries()].filter(([, v]) => v !== '').map(([k, v]) => [k, String(v)]));
		const parsed = newAccountSchema.safeParse(form);
		if (!parsed.success) return fail(400, { error: 'staff.accounts.invalid' });
		const { db } = await database();
		const exists = await db.selectFrom('staff').select('id').where('email', '=', parsed.data.email.toLowerCase()).executeTakeFirst();
		if (exists) return fail(409, { error: 'staff.accounts.exists' });
		if (parsed.data.role === 'konsulent' && !(await consultantExists(db, parsed.data.consultantId ?? ''))) {
			return fail(400, { error: 'staff.accounts.unknownConsultant' });
		}
		const { staff, password } = await createStaff(db, parsed.data);
		await audit(db, { staffId: admin.id, action: 'create-account', detail: `${staff.id} ${staff.role}` });
		// Shown once, to hand over; never stored in clear.
		return { created: { email: staff.email, password } };
	},
	disable: async ({ locals, request }) => {
		const admin = requireAdmin(locals.staff);
		const form = await request.formData();
		const id = String(form.get('id') ?? '');
		const disabled = form.get('disabled') === '1';
		const { db } = await database();
		if (disabled && (await isLastActiveAdmin(db, id))) return fail(409, { error: 'staff.accounts.lastAdmin' });
		await setStaffDisabled(db, id, disabled);
		await audit(db, { staffId: admin.id, action: disabled ? 'disable-account' : 'enable-account', detail: id });
		return { changed: true };
	},
	resetTwoFactor: async ({ locals, request }) => {
		const admin = requireAdmin(locals.staff);
		const { db } = await database();
		const account = await accountFrom(db, await request.formData());
		if (!account) return fail(400, { error: 'staff.accounts.invalid' });
		await resetTwoFactor(db, account.id);
		await audit(db, { staffId: admin.id, action: 'reset-two-factor', detail: account.id });
		return { resetTwoFactor: { email: account.email } };
	},
	resetPassword: async ({ locals, request }) => {
		const admin = requireAdmin(locals.staff);
		const { db } = await database();
		const account = await accountFrom(db, await request.formData());
		if (!account) return fail(400, { error: 'staff.accounts.invalid' });
		const password = await resetPassword(db, account.id);
		await audit(db, { staffId: admin.id, action: 'reset-password', detail: account.id });
		// Shown once, to hand over; the account must replace it at its next sign-in.
		return { resetPassword: { email: account.email, password } };
	}
};

async function accountFrom(db: Kysely<Database>, form: FormData) {
	const id = String(form.get('id') ?? '');
	if (id.length === 0 || id.length > 100) return undefined;
	return db.selectFrom('staff').select(['id', 'email']).where('id', '=', id).executeTakeFirst();
}
