import type { Action } from 'svelte/action';
import { wantsStillness } from '$lib/settings/motion';

/** How far (CSS px) a card must travel to count as an answer; less springs back. */
const THRESHOLD = 96;

/**
 * Swipe a card left or right: an extra way to answer, never the only one. The card
 * follows the finger unless the person has asked for no motion.
 */
export const swipe: Action<HTMLElement, { onswipe: (side: 'left' | 'right') => void }> = (node, params) => {
	let options = params;
	let startX: number | null = null;
	let pointer: number | null = null;

	const reset = () => {
		startX = null;
		pointer = null;
		node.style.transform = '';
	};
	const down = (event: PointerEvent) => {
		if (event.pointerType === 'mouse' && event.button !== 0) return;
		startX = event.clientX;
		pointer = event.pointerId;
	};
	const move = (event: PointerEvent) => {
		if (startX === null || event.pointerId !== pointer || wantsStillness()) return;
		const dx = event.clientX - startX;
		node.style.transform = `translateX(${dx}px) rotate(${dx / 25}deg)`;
	};
	const up = (event: PointerEvent) => {
		if (startX === null || event.pointerId !== pointer) return;
		const dx = event.clientX - startX;
		reset();
		if (Math.abs(dx) >= THRESHOLD) options.onswipe(dx > 0 ? 'right' : 'left');
	};
	node.addEventListener('pointerdown', down);
	node.addEventListener('pointermove', move);
	node.addEventListener('pointerup', up);
	node.addEventListener('pointercancel', reset);
	return {
		update(next) {
			options = next;
		},
		destroy() {
			node.removeEventListener('pointerdown', down);
			node.removeEventListener('pointermove', move);
			node.removeEventListener('pointerup', up);
			node.removeEventListener('pointercancel', reset);
		}
	};
};
