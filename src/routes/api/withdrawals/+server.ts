import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { fieldErrors } from '$lib/application/schema';
import { withdrawalSchema } from '$lib/withdrawal/schema';
import { database } from '$lib/server/db/instance';
import { withdrawApplication } from '$lib/server/withdrawal';
import { readJsonBody } from '$lib/server/request-body';
import { apiProblem, requestLanguage } from '$lib/server/api-problem';

const MAX_BODY_BYTES = 2_000;

export const POST: RequestHandler = async ({ request }) => {
	const lang = requestLanguage(request);
	const read = await readJsonBody(request, MAX_BODY_BYTES);
	if (!read.ok) return read.problem === 'too-large' ? apiProblem(413, 'errors.tooLarge', lang) : apiProblem(400, 'errors.notJson', lang);
	const parsed = withdrawalSchema.safeParse(read.body);
	if (!parsed.success) return apiProblem(400, 'errors.invalid', lang, fieldErrors(parsed.error));

	const { db } = await database();
	const result = await withdrawApplication(db, parsed.data);
	if (result.outcome === 'unknown-token') return apiProblem(404, 'errors.statusNotFound', lang);
	if (result.outcome === 'conflict') return apiProblem(422, 'errors.withdrawalConflict', lang);
	return json(
		{ id: parsed.data.id, status: result.outcome === 'created' ? 'withdrawn' : result.kind },
		{ status: result.outcome === 'created' ? 201 : 200, headers: { 'cache-control': 'no-store' } }
	);
};
