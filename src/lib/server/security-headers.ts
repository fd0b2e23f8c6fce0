/**
 * Headers every response gets besides the Content-Security-Policy (which SvelteKit makes
 * from kit.csp in svelte.config.js). The microphone is for the voice message, on this
 * site only; nothing else a phone has is needed.
 */
export function securityHeaders(url: URL): Record<string, string> {
	const headers: Record<string, string> = {
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'Permissions-Policy': 'microphone=(self), camera=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
		'X-Frame-Options': 'DENY',
		'Cross-Origin-Opener-Policy': 'same-origin'
	};
	// Only over TLS: on plain http (a test machine, a local network) it would be ignored or wrong.
	if (url.protocol === 'https:') headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
	return headers;
}

/**
 * Answers with personal data: the staff area and a person's status page. `no-store` keeps
 * them out of every cache, the browser's back/forward cache included, so Back after
 * "Log ud" on a shared office PC shows the sign-in page, not the last case.
 */
export function holdsPersonalData(path: string): boolean {
	return (
		path === '/personale' ||
		path.startsWith('/personale/') ||
		path.startsWith('/api/staff/') ||
		path.startsWith('/status/') ||
		path.startsWith('/api/status/')
	);
}
