import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST. The page itself offers signing out
// everywhere; visitors who are not signed in have nothing to do here.
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/');
};

export const actions: Actions = {
	signout: async ({ cookies, locals }) => {
		if (locals.sessionToken) await locals.backend.auth.signOut(locals.sessionToken);
		clearSessionCookie(cookies);
		redirect(303, '/');
	},
	/** Ends every session of this user: other browsers, phones, a forgotten shared PC. */
	everywhere: async ({ cookies, locals }) => {
		if (locals.user) await locals.backend.auth.signOutEverywhere();
		clearSessionCookie(cookies);
		redirect(303, locals.user ? '/signin?notice=everywhere' : '/signin');
	}
};
