import type { Language } from '$lib/i18n';
import type { StaffMember } from '$lib/staff/roles';

declare global {
	namespace App {
		interface Locals {
			lang: Language;
			/** The signed-in staff member, resolved only in the staff area. */
			staff: StaffMember | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
