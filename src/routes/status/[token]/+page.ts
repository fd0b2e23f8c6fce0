import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export interface StatusPage {
	reference: string;
	status: string;
	statusText: string;
	postingTitle: string | null;
	steps: { status: string; at: string; text: string; publicNote: string | null }[];
}

export const load: PageLoad = async ({ params, fetch, parent }) => {
	const { lang } = await parent();
	const response = await fetch(`/api/status/${encodeURIComponent(params.token)}`, { headers: { 'accept-language': lang } });
	if (response.status === 404) error(404, 'statusPage.notFound');
	if (!response.ok) error(503, 'offline');
	return { status: (await response.json()) as StatusPage };
};
