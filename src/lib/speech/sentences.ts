/**
 * Splits what a person sees into sentences, each with the DOM range it covers, so the
 * sentence being read aloud can be highlighted where it stands on the screen.
 */
export interface SpokenSentence {
	/** What the voice says: ends with a full stop, so the voice pauses. */
	text: string;
	range: Range | null;
}

/** A sentence ends at . ! ? (or Arabic ؟), or at a line break in the page. */
const SENTENCE = /[^.!?؟\n]+[.!?؟]*/g;

/** Sentences of plain text, with their start and end in it. Pure: unit tested. */
export function splitSentences(text: string): { text: string; start: number; end: number }[] {
	const sentences: { text: string; start: number; end: number }[] = [];
	for (const match of text.matchAll(SENTENCE)) {
		const raw = match[0];
		const lead = raw.length - raw.trimStart().length;
		const trimmed = raw.trim();
		if (!/[\p{L}\p{N}]/u.test(trimmed)) continue;
		const start = match.index + lead;
		sentences.push({ text: trimmed, start, end: start + trimmed.length });
	}
	return sentences;
}

/** Adds a full stop where a line (a title, a task) has none, so the voice pauses after it. */
export function withFullStop(sentence: string): string {
	return /[.!?؟:]$/.test(sentence) ? sentence : `${sentence}.`;
}

function isSkipped(node: Node, root: Element): boolean {
	for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
		if (el.hasAttribute('data-read-skip') || el.getAttribute('aria-hidden') === 'true' || el.hidden) return true;
	}
	return false;
}

/** Sentences of one element: its text nodes joined with spaces, split at punctuation. */
export function sentencesOfElement(element: Element): SpokenSentence[] {
	// Said differently from how it is written (a reference read letter by letter).
	const readAs = element.getAttribute('data-read-as');
	if (readAs) {
		const range = element.ownerDocument.createRange();
		range.selectNodeContents(element);
		return [{ text: withFullStop(readAs), range }];
	}
	const segments: { node: Text; start: number }[] = [];
	let joined = '';
	const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
	let lineBreak = false;
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		// A <br> parts two lines (a place and its municipality): two sentences, not one.
		if (node.nodeName === 'BR') lineBreak = true;
		if (!(node instanceof Text) || !node.data.trim() || isSkipped(node, element)) continue;
		if (joined) joined += lineBreak ? '\n' : ' ';
		lineBreak = false;
		segments.push({ node, start: joined.length });
		joined += node.data;
	}
	const position = (index: number, isEnd: boolean): [Text, number] | null => {
		for (let i = segments.length - 1; i >= 0; i--) {
			const segment = segments[i]!;
			if (index > segment.start || (!isEnd && index === segment.start)) {
				return [segment.node, Math.min(index - segment.start, segment.node.data.length)];
			}
		}
		return segments[0] ? [segments[0].node, 0] : null;
	};
	return splitSentences(joined).map((sentence) => {
		const from = position(sentence.start, false);
		const to = position(sentence.end, true);
		let range: Range | null = null;
		if (from && to) {
			range = element.ownerDocument.createRange();
			range.setStart(...from);
			range.setEnd(...to);
		}
		return { text: withFullStop(sentence.text.replace(/\s+/g, ' ')), range };
	});
}

/** What a read-aloud button reads: the parts marked data-read, or the whole container. */
export function sentencesOfContainer(container: Element): SpokenSentence[] {
	const parts = [...container.querySelectorAll('[data-read]')];
	return (parts.length ? parts : [container]).flatMap(sentencesOfElement);
}
