/** "+45 21 43 65 87" → "tel:+4521436587": phones dial digits only. */
export function telHref(phone: string): string {
	return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
