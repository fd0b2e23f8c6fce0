import { error } from '@sveltejs/kit';
import type { StaffMember } from '$lib/staff/roles';
import { canWorkWithApplications } from '$lib/staff/roles';

/** The signed-in staff member who may work with applications; 403 for anyone else. */
export function requireCaseworker(staff: StaffMember | null): StaffMember {
	if (!staff) error(401, 'Sign in first.');
	if (!canWorkWithApplications(staff)) error(403, 'Only the secretariat and consultants work with applications.');
	return staff;
}

export function requireAdmin(staff: StaffMember | null): StaffMember {
	if (!staff) error(401, 'Sign in first.');
	if (staff.role !== 'admin') error(403, 'Only an admin manages accounts.');
	return staff;
}
