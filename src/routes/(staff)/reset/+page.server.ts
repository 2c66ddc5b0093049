import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { resolve } from '$app/paths';
import { sendMail } from '$lib/server/mail';
import type { Actions } from './$types';
import { readForm } from '$lib/server/form';

const resetRequest = z.object({ email: z.email().max(320) });

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const entered = (await readForm(request, locals.t)).get('email');
		const email = typeof entered === 'string' ? entered.slice(0, 320) : '';
		const parsed = resetRequest.safeParse({ email });
		if (!parsed.success) return fail(400, { email, error: 'auth.reset.emailInvalid' });

		const token = await locals.auth.requestPasswordReset(parsed.data.email);
		if (token) {
			const link = new URL(resolve(`/reset/${token}`), url.origin).href;
			// Not awaited: how long the mail server takes must not reveal that the
			// address is registered. sendMail reports its own failures.
			void sendMail({
				to: parsed.data.email,
				subject: locals.t('auth.reset.mail.subject'),
				text: locals.t('auth.reset.mail.body', { link })
			});
		}
		// The same answer for every address, registered or not.
		return { sent: true as const, email };
	}
};
