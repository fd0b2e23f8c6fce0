/**
 * Where to go back to after a language change: only a path on this site.
 * Browsers read `//host`, `/\host` and `\\host` as another site, and drop tabs and
 * line breaks inside a URL, so a backslash or a control sign anywhere means no.
 */
export function safeReturnPath(value: unknown): string {
	if (typeof value !== 'string' || value.length > 2000) return '/';
	if (!value.startsWith('/') || value.startsWith('//')) return '/';
	if (/[\\\u0000-\u001F\u007F-\u009F]/.test(value)) return '/';
	const base = 'http://same.invalid';
	let url: URL;
	try {
		url = new URL(value, base);
	} catch {
		return '/';
	}
	return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/';
}
