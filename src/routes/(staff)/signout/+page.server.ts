import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST; a GET only goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, locals }) => {
		if (locals.sessionToken) await locals.backend.auth.signOut(locals.sessionToken);
		clearSessionCookie(cookies);
		redirect(303, '/');
	}
};
