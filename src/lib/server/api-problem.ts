import { json } from '@sveltejs/kit';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '$lib/i18n';
import { translator } from '$lib/i18n/translate';

/** The language for an API message: the first of Accept-Language we speak, else Danish. */
export function requestLanguage(request: Request): Language {
	const header = request.headers.get('accept-language') ?? '';
	for (const part of header.split(',')) {
		const primary = part.trim().split(/[-;]/)[0]?.toLowerCase();
		if (isLanguage(primary)) return primary;
	}
	return DEFAULT_LANGUAGE;
}

/**
 * A 4xx in the person's language: `error` says what happened, `fields` what to fix in
 * each field, and `codes` the same as i18n keys for programs (and the device's outbox).
 */
export function apiProblem(
	status: number,
	code: string,
	lang: Language,
	fields?: Record<string, string>,
	headers?: Record<string, string>
): Response {
	const t = translator(lang);
	return json(
		{
			error: t(code),
			code,
			...(fields
				? {
						fields: Object.fromEntries(Object.entries(fields).map(([path, key]) => [path, t(key)])),
						codes: fields
					}
				: {})
		},
		{ status, headers: { 'cache-control': 'no-store', ...headers } }
	);
}
