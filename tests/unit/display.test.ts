import { describe, expect, test } from 'vitest';
import { DEFAULT_DISPLAY, parseDisplaySettings } from '$lib/settings/display';

describe('parseDisplaySettings', () => {
	test('nothing stored gives the defaults', () => {
		expect(parseDisplaySettings(null)).toEqual(DEFAULT_DISPLAY);
	});

	test('keeps each valid setting and drops each broken one', () => {
		const stored = JSON.stringify({ textSize: 'larger', contrast: 'neon', font: 'readable', motion: 7, extra: 'x' });
		expect(parseDisplaySettings(stored)).toEqual({ ...DEFAULT_DISPLAY, textSize: 'larger', font: 'readable' });
	});

	test.each(['{not json', 'null', '"large"', '[1,2]'])('broken storage %j gives the defaults', (stored) => {
		expect(parseDisplaySettings(stored)).toEqual(DEFAULT_DISPLAY);
	});
});
