import { localesFor } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, route, url }) => ({
	locale: locals.locale,
	/** What the language switch offers: every language to residents, ja/en on staff pages. */
	locales: localesFor(route.id),
	user: locals.user ? { email: locals.user.email } : null,
	// Which staff links to show; the routes themselves check roles again.
	roles: locals.user
		? [...new Set((await locals.backend.staff.memberships()).map((m) => m.role))]
		: [],
	path: url.pathname
});
