import { requireRole } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

// Building questionnaires: editors and admins.
export const load: LayoutServerLoad = async (event) => ({
	builderOf: await requireRole(event, ['admin', 'editor'])
});
