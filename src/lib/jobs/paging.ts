/**
 * The list grows by this many cards at a time: two screens to look through, and a page a
 * cheap phone draws in one short go (each card costs it ~1 ms of hydration).
 */
export const PAGE_SIZE = 10;
const MAX_SHOWN = 500;

/** How many cards to show, from the `vis` parameter; bad values fall back to one page. */
export function shownCount(value: string | null): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < PAGE_SIZE) return PAGE_SIZE;
	return Math.min(MAX_SHOWN, Math.ceil(number / PAGE_SIZE) * PAGE_SIZE);
}
