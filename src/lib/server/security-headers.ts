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
