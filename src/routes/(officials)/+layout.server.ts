import { redirect } from '@sveltejs/kit';
import type { Role } from '$lib/server/backend/staff-types';
import { requireRole } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

const OFFICIALS: Role[] = ['admin', 'editor', 'analyst'];

// Officials read results: admins, editors and analysts. Data-entry staff do not.
export const load: LayoutServerLoad = async (event) => {
	// /dashboard is where sign-in lands by default; a data-entry clerk's work is
	// keying in paper questionnaires, so they land there instead of on a refusal.
	if (event.locals.user && event.url.pathname === '/dashboard') {
		const roles = (await event.locals.backend.staff.memberships()).map((m) => m.role);
		if (roles.includes('data_entry') && !roles.some((r) => OFFICIALS.includes(r))) {
			redirect(303, '/entry');
		}
	}
	return { memberships: await requireRole(event, OFFICIALS) };
};
