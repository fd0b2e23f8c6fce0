import { error, isHttpError } from '@sveltejs/kit';
import { abortAfter, NO_COPY_LIMIT_MS } from '$lib/network/time-limit';
import type { StatusAnswer } from '$lib/status/status';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch, parent }) => {
	const { lang } = await parent();
	// The device keeps no copy of the path: a line that hangs ends in "no internet", not in waiting for ever.
	const signal = abortAfter(NO_COPY_LIMIT_MS);
	let status: StatusAnswer;
	try {
		const response = await fetch(`/api/status/${encodeURIComponent(params.token)}`, { headers: { 'accept-language': lang }, signal });
		if (response.status === 404) error(404, 'statusPage.notFound');
		if (!response.ok) error(503, 'offline');
		status = (await response.json()) as StatusAnswer;
	} catch (cause) {
		if (isHttpError(cause)) throw cause;
		error(503, 'offline');
	}
	return { status };
};
