import { requireRole } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

// Keying in paper questionnaires: data-entry staff, and the editors and admins who run surveys.
export const load: LayoutServerLoad = async (event) => ({
	keyerOf: await requireRole(event, ['admin', 'editor', 'data_entry'])
});
