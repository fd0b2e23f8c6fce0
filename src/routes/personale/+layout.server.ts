import type { LayoutServerLoad } from './$types';

// The guard in hooks.server.ts has already sent anyone not signed in to the sign-in page.
export const load: LayoutServerLoad = ({ locals }) => ({ staff: locals.staff, staffGate: locals.staffGate });
