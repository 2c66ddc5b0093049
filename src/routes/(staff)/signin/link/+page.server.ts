import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

const address = z.email().max(320);

/** Only where sign-in links exist (the Supabase mode, through Supabase Auth). */
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.auth.magicLinks) error(404, { message: locals.t('errors.notFound') });
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		if (!locals.auth.magicLinks) error(404, { message: locals.t('errors.notFound') });
		const entered = (await readForm(request, locals.t)).get('email');
		const email = typeof entered === 'string' ? entered.slice(0, 320) : '';
		const parsed = address.safeParse(email);
		if (!parsed.success) return fail(400, { email, error: 'auth.link.invalidEmail' });
		await locals.auth.sendMagicLink(parsed.data, '/dashboard');
		// The same answer for every address, registered or not.
		return { email, sent: true as const };
	}
};
