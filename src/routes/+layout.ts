import { browser } from '$app/environment';
import type { LayoutLoad } from './$types';
import { languageFromCookies } from '$lib/i18n/cookie';
import { loadLanguage, type Language } from '$lib/i18n';

/**
 * Pages load through the API (not server loads), so that the installed app can open
 * any page without a connection. The language comes from the cookie: in the browser
 * straight from document.cookie, on the server through the API.
 */
export const load: LayoutLoad = async ({ fetch }) => {
	let lang: Language;
	if (browser) lang = languageFromCookies(document.cookie);
	else ({ lang } = (await (await fetch('/api/language')).json()) as { lang: Language });
	await loadLanguage(lang);
	return { lang };
};
