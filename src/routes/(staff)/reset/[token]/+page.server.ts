import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

// Koe's own tokens are 64 hex digits; Supabase Auth's token hashes 56.
const TOKEN = /^[0-9a-f]{56,64}$/;

const newPassword = z.object({
	password: z.string().min(1).max(200),
	confirm: z.string().max(200)
});

/** Field-level messages; passwords are never sent back. */
const refuse = (errors: Partial<Record<'password' | 'confirm', string>>) => fail(400, { errors });

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	// The token is in the address: no Referer takes it off the site, no cache keeps it.
	// (Not no-referrer: browsers then send Origin: null with the form, which CSRF checks refuse.)
	setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'no-store' });
	return {
		valid: TOKEN.test(params.token) && (await locals.auth.passwordResetValid(params.token))
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const parsed = newPassword.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		if (!parsed.success) return refuse({ password: 'auth.password.required' });
		const { password, confirm } = parsed.data;
		if (password !== confirm) return refuse({ confirm: 'auth.password.mismatch' });

		const problem = TOKEN.test(params.token)
			? await locals.auth.resetPassword(params.token, password)
			: 'invalid_token';
		if (problem === 'invalid_token') return fail(400, { invalid: true as const });
		if (problem) return refuse({ password: `auth.password.problem.${problem}` });
		// Every session of the user has ended; they sign in again with the new password.
		redirect(303, '/signin?notice=reset');
	}
};
