import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { DEFAULT_LANGUAGE, isLanguage } from '$lib/i18n/languages';
import { safeReturnPath } from '$lib/i18n/return-path';

const ONE_YEAR = 60 * 60 * 24 * 365;


export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData();
	const lang = form.get('lang');
	cookies.set('lang', isLanguage(lang) ? lang : DEFAULT_LANGUAGE, {
		path: '/',
		maxAge: ONE_YEAR,
		httpOnly: false,
		sameSite: 'lax'
	});
	// 303: after a form post, the browser follows with a GET.
	redirect(303, safeReturnPath(form.get('returnTo')));
};
