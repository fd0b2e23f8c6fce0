import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { database } from '$lib/server/db/instance';
import { requireCaseworker } from '$lib/server/auth/guard';
import { eraseCase, getCase, recordStep } from '$lib/server/cases';
import { personOverview } from '$lib/server/queue';
import { listJobTypes } from '$lib/server/jobs';
import { nextStatuses } from '$lib/staff/path';
import { stepDetails, stepFormSchema } from '$lib/staff/step-form';
import { fieldErrors } from '$lib/application/schema';

export const load: PageServerLoad = async ({ locals, params }) => {
	const staff = requireCaseworker(locals.staff);
	const { db } = await database();
	const result = await getCase(db, staff, params.id);
	if (!result.ok) error(result.reason === 'forbidden' ? 403 : 404, result.reason === 'forbidden' ? 'staff.forbidden' : 'staff.notFound');
	return {
		application: result.value,
		person: await personOverview(db, staff, result.value.id),
		next: nextStatuses(result.value.status),
		jobTypes: await listJobTypes(db, locals.lang)
	};
};

export const actions: Actions = {
	step: async ({ locals, params, request }) => {
		const staff = requireCaseworker(locals.staff);
		const form = Object.fromEntries(
			[...(await request.formData()).entries()].filter(([, value]) => value !== '').map(([key, value]) => [key, String(value)])
		);
		const parsed = stepFormSchema.safeParse(form);
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error), values: form });
		const { db } = await database();
		const step = parsed.data;
		const result = await recordStep(db, staff, params.id, {
			status: step.status,
			note: step.note,
			publicNote: step.publicNote,
			details: stepDetails(step),
			at: step.at ? new Date(`${step.at}T12:00:00.000Z`).toISOString() : undefined
		});
		if (!result.ok) {
			if (result.reason === 'bad-step') return fail(409, { errors: { status: 'staff.case.badStep' }, values: form });
			if (result.reason === 'bad-date') return fail(400, { errors: { at: 'staff.case.badDate' }, values: form });
			error(result.reason === 'forbidden' ? 403 : 404, result.reason === 'forbidden' ? 'staff.forbidden' : 'staff.notFound');
		}
		return { saved: true };
	},
	erase: async ({ locals, params, request }) => {
		const staff = requireCaseworker(locals.staff);
		const form = await request.formData();
		if (form.get('confirm') !== 'ja') return fail(400, { eraseError: 'staff.case.eraseConfirm' });
		const { db } = await database();
		const result = await eraseCase(db, staff, params.id);
		if (!result.ok) error(result.reason === 'forbidden' ? 403 : 404, result.reason === 'forbidden' ? 'staff.forbidden' : 'staff.notFound');
		redirect(303, '/personale?slettet=1');
	}
};
