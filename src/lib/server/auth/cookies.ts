import type { Cookies } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { createSession, SESSION_COOKIE, STEP_COOKIE, STEP_MINUTES } from './sessions';

/** Only paths inside the staff area: a sign-in link cannot send anyone elsewhere. */
export function safeNext(value: string | null): string {
	return value && value.startsWith('/personale') && !value.startsWith('//') ? value : '/personale';
}

/** Makes the session and sets its cookie: after the password, and the code when the account has two-factor. */
export async function startSession(db: Kysely<Database>, cookies: Cookies, url: URL, staffId: string): Promise<void> {
	const session = await createSession(db, staffId);
	cookies.set(SESSION_COOKIE, session.token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: session.expires
	});
}

export function setStepCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(STEP_COOKIE, token, {
		path: '/personale/log-ind',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: STEP_MINUTES * 60
	});
}
