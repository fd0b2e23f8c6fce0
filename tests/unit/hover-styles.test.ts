import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * On a touch screen :hover sticks where the finger last was: after a tap, the answer at the
 * same place on the next step looked chosen. Every :hover style therefore sits inside
 * `@media (hover: hover)`, which a phone's touch screen does not match.
 */

const root = path.resolve(import.meta.dirname, '../..');
const HOVER_MEDIA = /@media[^{]*\(\s*hover\s*:\s*hover\s*\)/;

/** Selectors with :hover that no `@media (hover: hover)` encloses. */
function unguardedHovers(css: string): string[] {
	const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
	const open: string[] = [];
	const found: string[] = [];
	let prelude = '';
	for (const char of text) {
		if (char === '{') {
			const head = prelude.trim();
			if (head.includes(':hover') && !open.some((outer) => HOVER_MEDIA.test(outer))) found.push(head);
			open.push(head);
			prelude = '';
		} else if (char === '}') {
			open.pop();
			prelude = '';
		} else if (char === ';') prelude = '';
		else prelude += char;
	}
	return found;
}

function stylesOf(file: string): string {
	const source = fs.readFileSync(file, 'utf8');
	if (file.endsWith('.css')) return source;
	return Array.from(source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g), (match) => match[1]).join('\n');
}

describe('hover styles', () => {
	test('the check finds :hover outside the media query, and only there', () => {
		expect(unguardedHovers('.a:hover { color: red; } @media (hover: hover) { .b:hover { color: red; } }')).toEqual(['.a:hover']);
		expect(unguardedHovers('@media (min-width: 2rem) { .c:hover { color: red; } }')).toEqual(['.c:hover']);
		expect(unguardedHovers('@media (hover: hover) and (pointer: fine) { .d:focus, .d:hover { color: red; } }')).toEqual([]);
	});

	test('every :hover in the app is inside @media (hover: hover)', () => {
		const files = [
			path.join(root, 'src/app.css'),
			...fs
				.readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
				.filter((file) => file.endsWith('.svelte'))
				.map((file) => path.join(root, 'src', file))
		];
		expect(files.length).toBeGreaterThan(20);
		const problems = files.flatMap((file) => unguardedHovers(stylesOf(file)).map((selector) => `${path.relative(root, file)}: ${selector}`));
		expect(problems).toEqual([]);
	});
});
