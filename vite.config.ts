import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ isSsrBuild }) => ({
	plugins: [sveltekit()],
	build: {
		// SOURCEMAP=1 npm run build: for reading where the bytes go (tests/bench/PROFILE.md).
		sourcemap: process.env.SOURCEMAP === '1',
		rolldownOptions: isSsrBuild
			? {}
			: {
					output: {
						codeSplitting: {
							// The framework every page needs, as one file: one download, and one
							// gzip stream (many small files compress worse). i18next is not in it:
							// pages start without it (src/lib/i18n/client-translation.svelte.ts).
							groups: [{ name: 'framework', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|devalue|clsx|esm-env)[\\/]/ }]
						}
					}
				}
	},
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20_000
	}
}));
