import { applyDisplaySettings, DISPLAY_STORAGE_KEY, parseDisplaySettings, type DisplaySetting, type DisplaySettings } from './display';

class Display {
	settings = $state<DisplaySettings>(parseDisplaySettings(null));
	#loaded = false;

	load(): void {
		if (this.#loaded || typeof localStorage === 'undefined') return;
		this.#loaded = true;
		this.settings = parseDisplaySettings(localStorage.getItem(DISPLAY_STORAGE_KEY));
	}

	set<K extends DisplaySetting>(key: K, value: DisplaySettings[K]): void {
		this.load();
		this.settings = { ...this.settings, [key]: value };
		try {
			localStorage.setItem(DISPLAY_STORAGE_KEY, JSON.stringify(this.settings));
		} catch {
			// Private mode or full storage: the setting still holds until the page closes.
		}
		applyDisplaySettings(this.settings, document.documentElement);
	}
}

/** The device's display settings, shared by the settings page and read-aloud. */
export const display = new Display();
