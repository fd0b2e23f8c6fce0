import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { DEFAULT_LANGUAGE, isLanguage } from '$lib/i18n/languages';

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Only paths on this site: never send someone to another site after a language change. */
function safeReturnPath(value: FormDataEntryValue | null): string {
	return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

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
