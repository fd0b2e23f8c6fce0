import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The language chosen on this device (from its cookie): the pages' load asks this when rendered on the server. */
export const GET: RequestHandler = ({ locals }) =>
	json({ lang: locals.lang }, { headers: { 'cache-control': 'private, no-store', vary: 'Cookie' } });
