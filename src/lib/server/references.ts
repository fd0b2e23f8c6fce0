import { randomBytes, randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read aloud or written down. */
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const DIGITS = '23456789';

/** A short reference a person can say on the phone: "KLT-482". */
export function newReference(): string {
	const letters = Array.from({ length: 3 }, () => LETTERS[randomInt(LETTERS.length)]).join('');
	const digits = Array.from({ length: 3 }, () => DIGITS[randomInt(DIGITS.length)]).join('');
	return `${letters}-${digits}`;
}

/** The secret in the status link: whoever has it may see the status, so it is long. */
export function newStatusToken(): string {
	return randomBytes(24).toString('base64url');
}
