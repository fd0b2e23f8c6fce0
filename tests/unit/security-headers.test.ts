import { describe, expect, test } from 'vitest';
import { securityHeaders } from '$lib/server/security-headers';

describe('security headers', () => {
	test('HSTS over TLS only', () => {
		expect(securityHeaders(new URL('https://job.example.dk/'))['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
		expect(securityHeaders(new URL('http://localhost:3000/'))['Strict-Transport-Security']).toBeUndefined();
	});

	test('the microphone for this site only, nothing else a phone has', () => {
		const policy = securityHeaders(new URL('https://job.example.dk/'))['Permissions-Policy'];
		expect(policy).toContain('microphone=(self)');
		for (const feature of ['camera', 'geolocation', 'payment', 'usb']) expect(policy).toContain(`${feature}=()`);
	});
});
