import { requireRole } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

// Organisation administration: admins only. `?org=` picks among several.
export const load: LayoutServerLoad = async (event) => {
	const memberships = await requireRole(event, ['admin']);
	const asked = event.url.searchParams.get('org');
	const current = memberships.find((m) => m.orgSlug === asked) ?? memberships[0];
	return { adminOf: memberships, org: current };
};
