import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '$lib/i18n/languages';
import { prepareJson, type PreparedJson } from './answer-cache';
import { json } from '@sveltejs/kit';

/**
 * JSON with an ETag: a browser or the service worker sends If-None-Match and gets
 * a tiny 304 when nothing changed. Short max-age, then revalidate.
 */
export function cachedJson(request: Request, body: unknown, maxAgeSeconds = 60): Response {
	return preparedJson(request, prepareJson(body), maxAgeSeconds);
}

/** The same, for JSON already serialised (and hashed) once, e.g. by the answer cache. */
export function preparedJson(request: Request, { text, etag, encoded }: PreparedJson, maxAgeSeconds = 60): Response {
	const headers = {
		etag,
		'cache-control': `public, max-age=${maxAgeSeconds}, stale-while-revalidate=600`,
		vary: 'Accept-Encoding'
	};
	const ifNoneMatch = request.headers.get('if-none-match');
	if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers });
	}
	const encoding = encoded ? acceptedEncoding(request.headers.get('accept-encoding')) : null;
	if (encoded && encoding) {
		// Already compressed: the server's compression leaves an answer with an encoding alone.
		return new Response(new Uint8Array(encoded[encoding]), { headers: { ...headers, 'content-type': 'application/json', 'content-encoding': encoding } });
	}
	return new Response(text, { headers: { ...headers, 'content-type': 'application/json' } });
}

/** brotli if the client takes it, else gzip, else null (q=0 means "not this one"). */
export function acceptedEncoding(header: string | null): 'br' | 'gzip' | null {
	const accepted = new Set<string>();
	for (const part of (header ?? '').split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
		if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
	}
	if (accepted.has('br')) return 'br';
	if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
	return null;
}

/** A 4xx answer that says what is wrong, field by field. */
export function problem(status: number, message: string, fields?: Record<string, string>): Response {
	return json({ error: message, ...(fields ? { fields } : {}) }, { status });
}

/** The ?lang= of a request for catalogue texts: a Language, or the 400 to answer with. */
export function languageParam(url: URL): Language | Response {
	const lang = url.searchParams.get('lang') ?? DEFAULT_LANGUAGE;
	if (isLanguage(lang)) return lang;
	return problem(400, 'Some query parameters are not valid.', { lang: `Use one of: ${LANGUAGES.join(', ')}.` });
}
