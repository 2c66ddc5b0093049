import { requireRole } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

// Officials read results: admins, editors and analysts. Data-entry staff do not.
export const load: LayoutServerLoad = async (event) => ({
	memberships: await requireRole(event, ['admin', 'editor', 'analyst'])
});
