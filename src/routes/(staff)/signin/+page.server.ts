import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

const credentials = z.object({
	email: z.email().max(320),
	password: z.string().min(1).max(200)
});

/** What other pages ask this one to confirm: a password reset, signing out everywhere. */
const notice = z.enum(['reset', 'everywhere', 'linkInvalid']);

/** Only same-site paths: an open redirect would make the sign-in page a phishing tool. */
function safeNext(raw: string | null): string {
	return raw && raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\')
		? raw
		: '/dashboard';
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	// A fresh install without the demo has no user yet: the setup page creates the first.
	// (An unreachable database shows the form, as before, rather than an error.)
	if (await locals.auth.setupNeeded().catch(() => false)) redirect(303, '/setup');
	const shown = notice.safeParse(url.searchParams.get('notice'));
	return {
		next: safeNext(url.searchParams.get('next')),
		notice: shown.success ? (`auth.notice.${shown.data}` as const) : null,
		magicLinks: locals.auth.magicLinks
	};
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const form = await readForm(request, locals.t);
		const rawEmail = form.get('email');
		const email = typeof rawEmail === 'string' ? rawEmail.slice(0, 320) : '';
		const parsed = credentials.safeParse({ email, password: form.get('password') });
		if (!parsed.success) {
			return fail(400, { email, error: 'signin.error.incomplete' });
		}
		const result = await locals.auth.signIn(parsed.data.email, parsed.data.password);
		// 'locked' is said for unknown addresses too (they lock the same way), so
		// neither answer tells whether an address is registered.
		if (!result.ok) {
			return fail(400, {
				email,
				error: result.reason === 'locked' ? 'auth.locked' : 'signin.error.wrong'
			});
		}
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
