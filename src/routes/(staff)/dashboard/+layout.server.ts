import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// Every dashboard route is for signed-in staff; row-level security then limits
// each of them to the member's own organisation.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
	return {};
};
