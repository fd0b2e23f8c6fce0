import type { Language } from '$lib/i18n';
import type { StaffMember } from '$lib/staff/roles';
import type { StaffGate } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			lang: Language;
			/** The signed-in staff member, resolved only in the staff area. */
			staff: StaffMember | null;
			/** A page the staff member must finish first (a new password, two-factor enrolment), else null. */
			staffGate: StaffGate;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
