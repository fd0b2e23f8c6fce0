/** No motion: the phone asks for it, or the person chose it in Skærm og lyd. */
export function wantsStillness(): boolean {
	return matchMedia('(prefers-reduced-motion: reduce)').matches || document.documentElement.dataset.motion === 'reduce';
}
