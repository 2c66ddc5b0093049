import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST. The page itself offers signing out
// everywhere; visitors who are not signed in have nothing to do here.
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/');
};

export const actions: Actions = {
	signout: async ({ locals }) => {
		await locals.auth.signOut();
		redirect(303, '/');
	},
	/** Ends every session of this user: other browsers, phones, a forgotten shared PC. */
	everywhere: async ({ locals }) => {
		if (locals.user) await locals.auth.signOutEverywhere();
		else await locals.auth.signOut();
		redirect(303, locals.user ? '/signin?notice=everywhere' : '/signin');
	}
};
