import '$lib/zod-config';
import { browser } from '$app/environment';
import type { LayoutLoad } from './$types';
import { languageFromCookies } from '$lib/i18n/cookie';
import type { Language } from '$lib/i18n';

/**
 * Pages load through the API (not server loads), so that the installed app can open
 * any page without a connection. The language comes from the cookie: in the browser
 * straight from document.cookie, on the server through the API.
 */
export const load: LayoutLoad = async ({ fetch }) => {
	if (browser) return { lang: languageFromCookies(document.cookie) };
	const response = await fetch('/api/language');
	const { lang } = (await response.json()) as { lang: Language };
	return { lang };
};
