/**
 * How the app looks and sounds on this device. Not personal data: kept in
 * localStorage so that it applies before the first paint (no flash of small text).
 */
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export const CONTRASTS = ['normal', 'high'] as const;
export const FONTS = ['standard', 'readable'] as const;
export const MOTIONS = ['system', 'reduce'] as const;
export const SPEECH_RATES = ['slow', 'normal', 'fast'] as const;

export interface DisplaySettings {
	textSize: (typeof TEXT_SIZES)[number];
	contrast: (typeof CONTRASTS)[number];
	font: (typeof FONTS)[number];
	motion: (typeof MOTIONS)[number];
	speechRate: (typeof SPEECH_RATES)[number];
}
export type DisplaySetting = keyof DisplaySettings;

export const DEFAULT_DISPLAY: DisplaySettings = {
	textSize: 'normal',
	contrast: 'normal',
	font: 'standard',
	motion: 'system',
	speechRate: 'normal'
};

/** The same key is read by the small script in app.html before the page paints. */
export const DISPLAY_STORAGE_KEY = 'klapjob-display';

/** Speech rates for SpeechSynthesisUtterance.rate: slower than normal speech by default. */
export const SPEECH_RATE_VALUES: Record<DisplaySettings['speechRate'], number> = { slow: 0.7, normal: 0.9, fast: 1.15 };

export const DISPLAY_OPTIONS: { [K in DisplaySetting]: readonly DisplaySettings[K][] } = {
	textSize: TEXT_SIZES,
	contrast: CONTRASTS,
	font: FONTS,
	motion: MOTIONS,
	speechRate: SPEECH_RATES
};

/**
 * Anything broken or old in storage falls back to the defaults, one setting at a time.
 * (Plain code, not zod: this runs on every page, before anything else.)
 */
export function parseDisplaySettings(stored: string | null): DisplaySettings {
	const settings = { ...DEFAULT_DISPLAY };
	let saved: unknown;
	try {
		saved = stored ? JSON.parse(stored) : null;
	} catch {
		return settings;
	}
	if (typeof saved !== 'object' || saved === null) return settings;
	for (const key of Object.keys(DISPLAY_OPTIONS) as DisplaySetting[]) {
		const value = (saved as Record<string, unknown>)[key];
		if ((DISPLAY_OPTIONS[key] as readonly unknown[]).includes(value)) (settings as Record<string, unknown>)[key] = value;
	}
	return settings;
}

/** Each setting is a data attribute on <html>; the stylesheet does the rest. */
export function applyDisplaySettings(settings: DisplaySettings, root: HTMLElement): void {
	root.dataset.textSize = settings.textSize;
	root.dataset.contrast = settings.contrast;
	root.dataset.font = settings.font;
	root.dataset.motion = settings.motion;
}
