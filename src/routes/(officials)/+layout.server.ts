import { redirect } from '@sveltejs/kit';
import type { Role } from '$lib/server/backend/staff-types';
import { requireRole } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

const OFFICIALS: Role[] = ['admin', 'editor', 'analyst'];

// Officials read results: admins, editors and analysts. Data-entry staff do not.
export const load: LayoutServerLoad = async (event) => ({
	memberships: await requireRole(event, OFFICIALS, (memberships) => {
		// /dashboard is where sign-in lands by default; a data-entry clerk's work is
		// keying in paper questionnaires, so they land there instead of on a refusal.
		if (event.url.pathname === '/dashboard' && memberships.some((m) => m.role === 'data_entry')) {
			redirect(303, '/entry');
		}
	})
});
