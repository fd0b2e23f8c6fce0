import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { statusByToken } from '$lib/server/intake';
import { apiProblem, requestLanguage } from '$lib/server/api-problem';
import { json } from '@sveltejs/kit';
import { translator } from '$lib/i18n/translate';
import { describeNextStep } from '$lib/status/next-step';
import { erasedByToken } from '$lib/server/erasure';
import type { StatusAnswer } from '$lib/status/status';

export const GET: RequestHandler = async ({ params, request }) => {
	const lang = requestLanguage(request);
	if (!/^[A-Za-z0-9_-]{20,64}$/.test(params.token)) return apiProblem(404, 'errors.statusNotFound', lang);
	const { db } = await database();
	const status = await statusByToken(db, params.token);
	const t = translator(lang);
	if (!status) {
		const gone = await erasedByToken(db, params.token);
		if (!gone) return apiProblem(404, 'errors.statusNotFound', lang);
		const answer: StatusAnswer = { reference: '', status: gone, statusText: t(`status.${gone}`), postingTitle: null, receivedAt: '', steps: [], nextStep: null, gone };
		return json(answer, { headers: { 'cache-control': 'no-store' } });
	}
	const { contactMethod, consultant, ...rest } = status;
	return json(
		{
			...rest,
			statusText: t(`status.${status.status}`),
			steps: status.steps.map((step) => ({ ...step, text: t(`status.${step.status}`) })),
			nextStep: describeNextStep(t, status.status, contactMethod, consultant)
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
