import { browser } from '$app/environment';
import type { TFunction } from 'i18next';
import type { LayoutLoad } from './$types';
import { languageFromCookies } from '$lib/i18n/cookie';
import type { Language } from '$lib/i18n';
import { takeDrawnTexts } from '$lib/i18n/drawn-texts';
import { loadTranslation, startFromDrawnTexts } from '$lib/i18n/client-translation.svelte';

/**
 * Pages load through the API (not server loads), so that the installed app can open
 * any page without a connection. The language comes from the cookie: in the browser
 * straight from document.cookie, on the server through the API.
 */
export const load: LayoutLoad = async ({ fetch }): Promise<{ lang: Language; serverTranslator?: TFunction }> => {
	if (!browser) {
		const { lang } = (await (await fetch('/api/language')).json()) as { lang: Language };
		const { loadLanguage, translator } = await import('$lib/i18n/translate');
		await loadLanguage(lang);
		return { lang, serverTranslator: translator(lang) };
	}
	const lang = languageFromCookies(document.cookie);
	const drawn = takeDrawnTexts(lang);
	if (drawn) {
		// The page starts with the texts it was drawn with. i18next comes at the person's first
		// tap or key (what they do next may need texts the page was not drawn with), at a
		// missing text, or before the next page, not while the page is still starting.
		startFromDrawnTexts(lang, drawn);
		const load = () => void loadTranslation(lang).catch(() => undefined);
		for (const type of ['pointerdown', 'keydown']) addEventListener(type, load, { once: true, capture: true, passive: true });
	} else {
		await loadTranslation(lang);
	}
	return { lang };
};
