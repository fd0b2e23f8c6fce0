import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { applicationSchema, fieldErrors } from '$lib/application/schema';
import { database } from '$lib/server/db/instance';
import { takeIn } from '$lib/server/intake';
import { readJsonBody } from '$lib/server/request-body';
import { RateLimiter } from '$lib/server/rate-limit';
import { apiProblem, requestLanguage } from '$lib/server/api-problem';

/** A whole application with a 2-minute voice message fits well inside this. */
const MAX_BODY_BYTES = 500_000;
const limiter = new RateLimiter(Number(process.env.APPLICATION_RATE_LIMIT ?? 30), 60_000);

export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	const lang = requestLanguage(request);
	const key = request.headers.get('idempotency-key');
	if (!key) return apiProblem(400, 'errors.idempotencyKeyMissing', lang);

	const limit = limiter.take(getClientAddress());
	if (!limit.allowed) {
		return apiProblem(429, 'errors.tooManyRequests', lang, undefined, {
			'retry-after': String(limit.retryAfterSeconds)
		});
	}

	const read = await readJsonBody(request, MAX_BODY_BYTES);
	if (!read.ok) {
		// Gone before the body arrived: nobody reads this answer, and nothing was taken in.
		if (read.problem === 'aborted') return new Response(null, { status: 400 });
		return read.problem === 'too-large'
			? apiProblem(413, 'errors.tooLarge', lang)
			: apiProblem(400, 'errors.notJson', lang);
	}

	const parsed = applicationSchema.safeParse(read.body);
	const bodyLanguage = parsed.success ? parsed.data.language : lang;
	if (!parsed.success) return apiProblem(400, 'errors.invalid', bodyLanguage, fieldErrors(parsed.error));
	if (parsed.data.id !== key) return apiProblem(400, 'errors.idempotencyKeyMismatch', bodyLanguage);

	const result = await takeIn(await database(), parsed.data);
	if (result.outcome === 'unknown-posting') return apiProblem(400, 'errors.invalid', bodyLanguage, { postingId: 'errors.posting' });
	if (result.outcome === 'conflict') return apiProblem(422, 'errors.idempotencyConflict', bodyLanguage);
	return json(result.receipt, {
		status: result.outcome === 'created' ? 201 : 200,
		headers: { 'cache-control': 'no-store' }
	});
};
