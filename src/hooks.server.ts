import { json, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { holdsPersonalData, securityHeaders } from '$lib/server/security-headers';
import { loadAllLanguages } from '$lib/i18n/translate';
import { database } from '$lib/server/db/instance';
import { SESSION_COOKIE, sessionForToken } from '$lib/server/auth/sessions';
import { gateRedirect, OPEN_STAFF_PAGES } from '$lib/server/auth/gate';
import { DEFAULT_LANGUAGE, isLanguage, textDirection } from '$lib/i18n/languages';
import { isClientAbort } from '$lib/server/request-body';

/** Migrate and seed before the first request, so a fresh machine is ready at once. */
export const init: ServerInit = async () => {
	await Promise.all([database(), loadAllLanguages()]);
};

const withSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(securityHeaders(event.url))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (holdsPersonalData(event.url.pathname)) response.headers.set('cache-control', 'no-store');
	return response;
};

const app: Handle = async ({ event, resolve }) => {
	const chosen = event.cookies.get('lang');
	const lang = isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
	event.locals.lang = lang;
	event.locals.staff = null;
	event.locals.staffGate = null;

	// The staff area: one guard here, not a check in every page and endpoint.
	const path = event.url.pathname;
	const staffPage = path === '/personale' || path.startsWith('/personale/');
	const staffApi = path.startsWith('/api/staff/');
	if (staffPage || staffApi) {
		const token = event.cookies.get(SESSION_COOKIE);
		const session = token ? await sessionForToken((await database()).db, token) : { kind: 'none' as const };
		if (session.kind === 'live') {
			event.locals.staff = session.staff;
			event.locals.staffGate = session.gate;
		} else if (token) {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
		if (!event.locals.staff && staffApi) return json({ error: 'Sign in first.' }, { status: 401 });
		if (!event.locals.staff && staffPage && !OPEN_STAFF_PAGES.includes(path)) {
			const idle = session.kind === 'idle' ? '&inaktiv=1' : '';
			redirect(303, `/personale/log-ind?next=${encodeURIComponent(path + event.url.search)}${idle}`);
		}
		// A new password or two-factor enrolment comes before every other staff page and endpoint.
		const gate = gateRedirect(event.locals.staffGate, path);
		if (gate && staffApi) return json({ error: 'Finish signing in first.' }, { status: 403 });
		if (gate) redirect(303, gate);
	}

	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', lang).replace('%dir%', textDirection(lang))
	});
};

export const handle = sequence(withSecurityHeaders, app);

/**
 * An unexpected error: logged with its stack as SvelteKit does by default (the path, never
 * the query or the body, which may hold personal data). A client that went away in the
 * middle of its request (a form's or an API's body cut off) is not the server's fault: one
 * quiet line, no stack, no 500 in the log.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const where = `${event.request.method} ${event.url.pathname}`;
	if (isClientAbort(error, event.request)) {
		console.warn(`${where}: the client went away before its request was read`);
		return { message: 'The request was not received whole.' };
	}
	console.error(`[${status}] ${where}\n${error instanceof Error ? error.stack : String(error)}`);
	return { message };
};
