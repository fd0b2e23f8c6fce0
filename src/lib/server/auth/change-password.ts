import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StaffMember } from '$lib/staff/roles';
import { passwordMatches, setPassword } from './staff';
import { passwordProblem } from './password-rules';

/** A message key per field that is wrong. */
export interface PasswordChangeErrors {
	current?: string;
	next?: string;
	repeat?: string;
}

/**
 * A staff member's own new password: the current one is right, the new one is at least 12
 * characters and hard to guess, differs from the old one, and is typed the same twice.
 */
export async function changeOwnPassword(
	db: Kysely<Database>,
	staff: StaffMember,
	input: { current: string; next: string; repeat: string }
): Promise<{ ok: true } | { ok: false; errors: PasswordChangeErrors }> {
	const errors: PasswordChangeErrors = {};
	const problem = passwordProblem(input.next, [staff.email, staff.name]);
	if (problem === 'too-short') errors.next = 'staff.security.passwordTooShort';
	else if (problem === 'too-long') errors.next = 'staff.security.passwordTooLong';
	else if (problem === 'weak') errors.next = 'staff.security.passwordWeak';
	else if (input.next === input.current) errors.next = 'staff.security.passwordSame';
	if (!errors.next && input.repeat !== input.next) errors.repeat = 'staff.security.passwordMismatch';
	// The current password is checked last and always (same time whatever else is wrong), but only up to a sane length.
	if (input.current.length > 1000 || !(await passwordMatches(db, staff.id, input.current))) errors.current = 'staff.security.passwordWrong';
	if (errors.current || errors.next || errors.repeat) return { ok: false, errors };
	await setPassword(db, staff.id, input.next);
	return { ok: true };
}
