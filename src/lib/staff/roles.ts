export const ROLES = ['sekretariat', 'konsulent', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffMember {
	id: string;
	email: string;
	name: string;
	role: Role;
	/** For a konsulent: whose municipalities they work in. */
	consultantId: string | null;
}

/** Who may work with applications: the secretariat everywhere, a consultant in their own municipalities. */
export function canWorkWithApplications(staff: StaffMember): boolean {
	return staff.role === 'sekretariat' || staff.role === 'konsulent';
}
