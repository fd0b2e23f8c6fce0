import type { StaffGate } from './sessions';

/** Staff pages anyone may open: the two steps of sign-in. */
export const OPEN_STAFF_PAGES = ['/personale/log-ind', '/personale/log-ind/kode'];

export const GATE_PAGES: Record<Exclude<StaffGate, null>, string> = {
	password: '/personale/adgangskode',
	'two-factor': '/personale/to-trin'
};

/** Where a gated staff member must go instead of this path, or null when the path is allowed. */
export function gateRedirect(gate: StaffGate, path: string): string | null {
	if (!gate) return null;
	const page = GATE_PAGES[gate];
	if (path === page || path === '/personale/log-ud' || OPEN_STAFF_PAGES.includes(path)) return null;
	return page;
}
