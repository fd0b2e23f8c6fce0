import type { Language } from '$lib/i18n/languages';
import { abortAfter, NO_COPY_LIMIT_MS } from '$lib/network/time-limit';
import type { NextStep } from './next-step';

/** The answer of GET /api/status/{token}: the path in easy words and the next step, nothing personal. */
export interface StatusAnswer {
	reference: string;
	status: string;
	statusText: string;
	postingTitle: string | null;
	receivedAt: string;
	steps: { status: string; at: string; text: string; publicNote: string | null }[];
	nextStep: NextStep | null;
	/** The application was withdrawn by the person or erased: nothing else is left to show. */
	gone?: 'withdrawn' | 'erased';
}

/**
 * Asks the server how a sent application is doing; undefined without an answer (offline,
 * gone, or a line that hangs: the device keeps no copy of the path, so it gives up).
 */
export async function fetchStatus(token: string, lang: Language, fetcher: typeof fetch = fetch): Promise<StatusAnswer | undefined> {
	try {
		const response = await fetcher(`/api/status/${encodeURIComponent(token)}`, {
			headers: { 'accept-language': lang },
			signal: abortAfter(NO_COPY_LIMIT_MS)
		});
		return response.ok ? ((await response.json()) as StatusAnswer) : undefined;
	} catch {
		return undefined;
	}
}
