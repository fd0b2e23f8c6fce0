import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { followUpsDue, recordStep } from '$lib/server/cases';
import { audit } from '$lib/server/audit';
import { followUpFormSchema } from '$lib/staff/step-form';
import { fieldErrors } from '$lib/application/schema';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	const asked = Number(url.searchParams.get('side') ?? '1');
	const list = await followUpsDue(db, staff, { page: Number.isInteger(asked) && asked > 0 ? asked : 1 });
	await audit(db, { staffId: staff.id, action: 'list-follow-ups', detail: `${list.rows.length} of ${list.total} shown` });
	return { list };
};

export const actions: Actions = {
	outcome: async ({ locals, request }) => {
		const staff = requireCaseworker(locals.staff);
		const form = Object.fromEntries([...(await request.formData()).entries()].map(([key, value]) => [key, String(value)]));
		const id = String(form.id ?? '');
		const parsed = followUpFormSchema.safeParse(form);
		if (!parsed.success) return fail(400, { id, errors: fieldErrors(parsed.error), values: form });
		const { db } = await database();
		const result = await recordStep(db, staff, parsed.data.id, {
			status: 'follow-up',
			details: { outcome: parsed.data.outcome, wellbeing: parsed.data.wellbeing }
		});
		if (!result.ok) {
			// Recorded already (from the case page or another tab): the row says so.
			if (result.reason === 'bad-step' || result.reason === 'bad-date') return fail(409, { id, errors: { outcome: 'staff.followUps.errors.done' }, values: form });
			error(result.reason === 'forbidden' ? 403 : 404, result.reason === 'forbidden' ? 'staff.forbidden' : 'staff.notFound');
		}
		return { id, saved: true };
	}
};
