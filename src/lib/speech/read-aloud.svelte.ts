/**
 * Read-aloud with the Web Speech API. The button shows only where the device has a
 * voice for the page's language: speaking Danish with an English voice helps nobody.
 */
class ReadAloud {
	/** Language tags (lower case, "da-dk") of the voices the device has. */
	voiceLanguages = $state<string[]>([]);
	/** Which text is being read now, so only its button says "Stop". */
	speakingKey = $state<string | null>(null);
	#started = false;

	start(): void {
		if (this.#started || typeof window === 'undefined' || !('speechSynthesis' in window)) return;
		this.#started = true;
		const update = () => {
			this.voiceLanguages = speechSynthesis
				.getVoices()
				.map((voice) => voice.lang.replace('_', '-').toLowerCase());
		};
		update();
		speechSynthesis.addEventListener('voiceschanged', update);
	}

	canSpeak(languageTag: string): boolean {
		const primary = languageTag.split('-')[0]!.toLowerCase();
		return this.voiceLanguages.some((tag) => tag === primary || tag.startsWith(`${primary}-`));
	}

	speak(key: string, text: string, languageTag: string): void {
		speechSynthesis.cancel();
		const primary = languageTag.split('-')[0]!.toLowerCase();
		const voices = speechSynthesis.getVoices();
		const voice =
			voices.find((v) => v.lang.replace('_', '-').toLowerCase() === languageTag.toLowerCase()) ??
			voices.find((v) => v.lang.toLowerCase().startsWith(primary));
		const utterance = new SpeechSynthesisUtterance(text);
		utterance.lang = languageTag;
		if (voice) utterance.voice = voice;
		utterance.rate = 0.9;
		const done = () => {
			if (this.speakingKey === key) this.speakingKey = null;
		};
		utterance.addEventListener('end', done);
		utterance.addEventListener('error', done);
		this.speakingKey = key;
		speechSynthesis.speak(utterance);
	}

	stop(): void {
		speechSynthesis.cancel();
		this.speakingKey = null;
	}
}

export const readAloud = new ReadAloud();
