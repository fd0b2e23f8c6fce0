/** Danish numbers in groups of two, as people say them: "21 43 65 87", "+45 21 43 65 87". */
export function formatPhone(value: string): string {
	const compact = value.replace(/[\s-]/g, '');
	const match = /^(\+45|0045)?(\d{8})$/.exec(compact);
	if (!match) return value.trim();
	const groups = match[2]!.match(/\d{2}/g)!.join(' ');
	return match[1] ? `+45 ${groups}` : groups;
}

/** A tel: address that works from abroad too. */
export function telHref(value: string): string {
	const compact = value.replace(/[^\d+]/g, '');
	return `tel:${/^\d{8}$/.test(compact) ? `+45${compact}` : compact.replace(/^00/, '+')}`;
}
