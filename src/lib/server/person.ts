/**
 * How staff find a person, and how one person's applications are known as one: keys
 * kept in their own indexed columns, so a search never reads every application's answers.
 * The same rules make the keys when an application arrives and when staff search.
 */

/** A name as typed, for search: lower case, one space between words, accents kept. */
export function nameKey(name: string): string {
	return name.normalize('NFKC').toLocaleLowerCase('da').replace(/\s+/g, ' ').trim();
}

/** A Danish phone number as the form takes it: 8 digits; spaces, dashes and +45/0045 taken away. */
export function phoneKey(phone: string): string | null {
	const digits = phone.replace(/[\s-]/g, '').replace(/^(\+45|0045)/, '');
	return /^\d{8}$/.test(digits) ? digits : null;
}

interface PersonAnswers {
	name?: unknown;
	phone?: unknown;
	helper?: { name?: unknown; phone?: unknown } | null;
}

/**
 * One person across applications: their own phone number; for a person without one,
 * the helper's phone together with the person's name (a helper at a bosted writes for
 * several residents from one number). Null when neither is known.
 */
export function personKey(answers: PersonAnswers): string | null {
	const own = typeof answers.phone === 'string' ? phoneKey(answers.phone) : null;
	if (own) return `tel:${own}`;
	const helperPhone = typeof answers.helper?.phone === 'string' ? phoneKey(answers.helper.phone) : null;
	const name = typeof answers.name === 'string' ? nameKey(answers.name) : '';
	if (helperPhone && name) return `helper:${helperPhone}:${name}`;
	return null;
}
