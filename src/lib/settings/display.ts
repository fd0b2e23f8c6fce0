import { z } from 'zod';

/**
 * How the app looks and sounds on this device. Not personal data: kept in
 * localStorage so that it applies before the first paint (no flash of small text).
 */
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export const CONTRASTS = ['normal', 'high'] as const;
export const FONTS = ['standard', 'readable'] as const;
export const MOTIONS = ['system', 'reduce'] as const;
export const SPEECH_RATES = ['slow', 'normal', 'fast'] as const;

export const displaySettingsSchema = z.object({
	textSize: z.enum(TEXT_SIZES).catch('normal'),
	contrast: z.enum(CONTRASTS).catch('normal'),
	font: z.enum(FONTS).catch('standard'),
	motion: z.enum(MOTIONS).catch('system'),
	speechRate: z.enum(SPEECH_RATES).catch('normal')
});

export type DisplaySettings = z.infer<typeof displaySettingsSchema>;
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

/** Anything broken or old in storage falls back to the defaults, one setting at a time. */
export function parseDisplaySettings(stored: string | null): DisplaySettings {
	if (!stored) return { ...DEFAULT_DISPLAY };
	try {
		return displaySettingsSchema.parse({ ...DEFAULT_DISPLAY, ...(JSON.parse(stored) as object) });
	} catch {
		return { ...DEFAULT_DISPLAY };
	}
}

export const DISPLAY_OPTIONS: { [K in DisplaySetting]: readonly DisplaySettings[K][] } = {
	textSize: TEXT_SIZES,
	contrast: CONTRASTS,
	font: FONTS,
	motion: MOTIONS,
	speechRate: SPEECH_RATES
};

/** Each setting is a data attribute on <html>; the stylesheet does the rest. */
export function applyDisplaySettings(settings: DisplaySettings, root: HTMLElement): void {
	root.dataset.textSize = settings.textSize;
	root.dataset.contrast = settings.contrast;
	root.dataset.font = settings.font;
	root.dataset.motion = settings.motion;
}
