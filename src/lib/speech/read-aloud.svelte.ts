import { display } from '$lib/settings/display.svelte';
import { SPEECH_RATE_VALUES } from '$lib/settings/display';
import { sentencesOfContainer, type SpokenSentence } from './sentences';

const HIGHLIGHT = 'read-aloud';

/**
 * Read-aloud with the Web Speech API, one sentence at a time, with the sentence being
 * read highlighted on the screen. The button shows only where the device has a voice
 * for the page's language: speaking Danish with an English voice helps nobody.
 */
class ReadAloud {
	/** Language tags (lower case, "da-dk") of the voices the device has. */
	voiceLanguages = $state<string[]>([]);
	/** Which text is being read now, so only its button says "Stop". */
	speakingKey = $state<string | null>(null);
	/** The sentence being read, counted from 0. */
	sentenceIndex = $state(-1);
	#started = false;
	/** Bumped on every start and stop, so events from an old reading are ignored. */
	#run = 0;

	start(): void {
		if (this.#started || typeof window === 'undefined' || !('speechSynthesis' in window)) return;
		this.#started = true;
		display.load();
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

	/** Reads the container's text aloud, sentence by sentence, highlighting each. */
	speakContainer(key: string, container: Element, languageTag: string): void {
		this.#speak(key, sentencesOfContainer(container), languageTag);
	}

	/** Reads a text that is not on the screen as it is spoken (nothing to highlight). */
	speakText(key: string, text: string, languageTag: string): void {
		this.#speak(key, [{ text, range: null }], languageTag);
	}

	#speak(key: string, sentences: SpokenSentence[], languageTag: string): void {
		this.stop();
		const run = this.#run;
		const voice = this.#voiceFor(languageTag);
		const rate = SPEECH_RATE_VALUES[display.settings.speechRate];
		this.speakingKey = key;
		const next = (index: number) => {
			if (run !== this.#run) return;
			const sentence = sentences[index];
			if (!sentence) {
				this.stop();
				return;
			}
			const utterance = new SpeechSynthesisUtterance(sentence.text);
			utterance.lang = languageTag;
			if (voice) utterance.voice = voice;
			utterance.rate = rate;
			utterance.addEventListener('start', () => {
				if (run !== this.#run) return;
				this.sentenceIndex = index;
				this.#highlight(sentence.range);
			});
			utterance.addEventListener('end', () => next(index + 1));
			utterance.addEventListener('error', () => {
				if (run === this.#run) this.stop();
			});
			speechSynthesis.speak(utterance);
		};
		next(0);
	}

	stop(): void {
		this.#run++;
		if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
		this.speakingKey = null;
		this.sentenceIndex = -1;
		this.#highlight(null);
	}

	#voiceFor(languageTag: string): SpeechSynthesisVoice | undefined {
		const primary = languageTag.split('-')[0]!.toLowerCase();
		const voices = speechSynthesis.getVoices();
		return (
			voices.find((v) => v.lang.replace('_', '-').toLowerCase() === languageTag.toLowerCase()) ??
			voices.find((v) => v.lang.toLowerCase().startsWith(primary))
		);
	}

	#highlight(range: Range | null): void {
		if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;
		if (!range) {
			CSS.highlights.delete(HIGHLIGHT);
			return;
		}
		CSS.highlights.set(HIGHLIGHT, new Highlight(range));
		range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
	}
}

export const readAloud = new ReadAloud();
