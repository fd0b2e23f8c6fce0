import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
		serviceWorker: {
			// workbox-window registers it, so it can show the update prompt.
			register: false
		}
	}
};

export default config;
