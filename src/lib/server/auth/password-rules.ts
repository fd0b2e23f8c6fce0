import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** At least 12 characters, and not easy to guess: zxcvbn's score 3 of 4 against its common-password lists. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
const MIN_SCORE = 3;

// The lists ship with the app: nothing is fetched.
const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

export type PasswordProblem = 'too-short' | 'too-long' | 'weak';

/** What is wrong with a new password, or null. The person's own e-mail and name count as easy to guess. */
export function passwordProblem(password: string, personal: string[] = []): PasswordProblem | null {
	if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
	if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
	const words = personal.flatMap((value) => [value.toLowerCase(), ...value.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length >= 3);
	return zxcvbn.check(password, words).score < MIN_SCORE ? 'weak' : null;
}
