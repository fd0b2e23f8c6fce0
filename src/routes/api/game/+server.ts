import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/instance';
import { gameData } from '$lib/server/game';
import { cachedJson, languageParam } from '$lib/server/http';

export const GET: RequestHandler = async ({ url, request }) => {
	const lang = languageParam(url);
	if (lang instanceof Response) return lang;
	const { db } = await database();
	return cachedJson(request, await gameData(db, lang), 3600);
};
