import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => ({
	locale: locals.locale,
	user: locals.user ? { email: locals.user.email } : null,
	// Which staff links to show; the routes themselves check roles again.
	roles: locals.user
		? [...new Set((await locals.backend.staff.memberships()).map((m) => m.role))]
		: [],
	path: url.pathname
});
