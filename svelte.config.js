import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * app.html's one inline script (display settings before the first paint) is allowed by
 * its hash, so the Content-Security-Policy needs no 'unsafe-inline' for scripts.
 */
const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
const inlineScripts = [...appHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
	([, source]) => `sha256-${createHash('sha256').update(source).digest('base64')}`
);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		paths: {
			// Absolute asset paths: the offline shell is served at every URL, and must load the same files.
			relative: false
		},
		files: {
			serviceWorker: 'service-worker'
		},
		// A page's small style files come inside the page (compressed with it), not as requests
		// of their own: the job list's first screen then fits the first round trip (14 KB).
		// The app's shared styles (0.css, ~7 KB) stay a file, cached once for every page.
		inlineStyleThreshold: 4096,
		serviceWorker: {
			// workbox-window registers it, so it can show the update prompt.
			register: false
		},
		// Hashes (not nonces) keep pages cacheable by the service worker for offline use.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', ...inlineScripts],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
