import type { Handle, ServerInit } from '@sveltejs/kit';
import { database } from '$lib/server/db/instance';
import { DEFAULT_LANGUAGE, isLanguage, textDirection } from '$lib/i18n/languages';

/** Migrate and seed before the first request, so a fresh machine is ready at once. */
export const init: ServerInit = async () => {
	await database();
};

export const handle: Handle = async ({ event, resolve }) => {
	const chosen = event.cookies.get('lang');
	const lang = isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
	event.locals.lang = lang;
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', lang).replace('%dir%', textDirection(lang))
	});
};
