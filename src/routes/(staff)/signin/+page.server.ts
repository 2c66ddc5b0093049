import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { setSessionCookie } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

const credentials = z.object({
	email: z.email().max(320),
	password: z.string().min(1).max(200)
});

/** Only same-site paths: an open redirect would make the sign-in page a phishing tool. */
function safeNext(raw: string | null): string {
	return raw && raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\')
		? raw
		: '/dashboard';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next')) };
};

export const actions: Actions = {
	default: async ({ cookies, locals, request, url }) => {
		const form = await request.formData();
		const rawEmail = form.get('email');
		const email = typeof rawEmail === 'string' ? rawEmail.slice(0, 320) : '';
		const parsed = credentials.safeParse({ email, password: form.get('password') });
		if (!parsed.success) {
			return fail(400, { email, error: 'signin.error.incomplete' });
		}
		const token = await locals.backend.auth.signIn(parsed.data.email, parsed.data.password);
		if (!token) return fail(400, { email, error: 'signin.error.wrong' });
		// A new token at each sign-in: a session id fixed before sign-in is never reused.
		setSessionCookie(cookies, token, url.protocol === 'https:');
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
