import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';
import type { GameData } from '$lib/game/deck';

export const load: PageLoad = async ({ fetch, parent, url }) => {
	const { lang } = await parent();
	let response: Response;
	try {
		response = await fetch(`/api/game?lang=${lang}`);
	} catch {
		error(503, 'offline');
	}
	if (!response.ok) error(503, 'offline');
	return { game: (await response.json()) as GameData, classMode: url.searchParams.has('klasse') };
};
