/** The list grows by this many cards at a time: enough to scroll, light for a cheap phone. */
export const PAGE_SIZE = 20;
const MAX_SHOWN = 500;

/** How many cards to show, from the `vis` parameter; bad values fall back to one page. */
export function shownCount(value: string | null): number {
	const number = Number(value);
	if (!Number.isInteger(number) || number < PAGE_SIZE) return PAGE_SIZE;
	return Math.min(MAX_SHOWN, Math.ceil(number / PAGE_SIZE) * PAGE_SIZE);
}
