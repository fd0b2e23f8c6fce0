import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * V8's explicit compile hint, first in the files whose functions all run as a page starts
 * (the framework, SvelteKit's entries, each page's own code): Chrome compiles them while
 * they download, off the main thread, instead of function by function during hydration.
 * On a 4× slowed CPU the job list's longest task went from ~150 to ~95 ms.
 * https://v8.dev/blog/explicit-compile-hints
 */
function compileHints(): Plugin {
	return {
		name: 'klapjob-compile-hints',
		apply: 'build',
		enforce: 'post',
		generateBundle: {
			// After Vite has put its list of preloads (__vite__mapDeps) first.
			order: 'post',
			handler(_options, bundle) {
				const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
				const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
				const starts = chunks.filter(
					(chunk) =>
						chunk.name === 'framework' ||
						(chunk.isEntry && chunk.fileName.includes('/entry/')) ||
						/[\\/]generated[\\/]client-optimized[\\/](app|nodes[\\/]\d+)\.js$/.test(chunk.facadeModuleId ?? '')
				);
				// And what they import without waiting (a page's form code, its database code):
				// it runs as that page starts too. What they import later (i18next, the QR code)
				// stays lazy.
				const hinted = new Set(starts);
				for (const chunk of hinted) {
					for (const name of chunk.imports) {
						const imported = byName.get(name);
						if (imported) hinted.add(imported);
					}
				}
				for (const chunk of hinted) chunk.code = COMPILE_HINT + chunk.code;
			}
		}
	};
}

export default defineConfig(({ isSsrBuild }) => ({
	plugins: [sveltekit(), compileHints()],
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
