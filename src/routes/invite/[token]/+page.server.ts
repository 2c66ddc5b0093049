import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

export const load: PageServerLoad = async ({ locals, params }) => {
	const invitation = await locals.backend.members.peekInvitation(params.token);
	if (!invitation) error(404, { message: locals.t('invite.invalid') });
	return { invitation, signedInAs: locals.user?.email ?? null };
};

const passwordForm = z.object({ password: z.string().min(1).max(200) });

export const actions: Actions = {
	/** Someone already signed in joins with their current account. */
	join: async ({ locals, params }) => {
		if (!locals.user) return fail(401, { error: 'errors.signinRequired' });
		const joined = await locals.backend.members.accept(params.token);
		if (!joined) return fail(410, { error: 'invite.invalid' });
		redirect(303, '/dashboard');
	},
	/** A new (or signed-out) invitee sets or confirms a password, joins and is signed in. */
	password: async ({ locals, params, request }) => {
		const parsed = passwordForm.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		if (!parsed.success) return fail(400, { error: 'invite.passwordRequired' });
		const invitation = await locals.backend.members.peekInvitation(params.token);
		if (!invitation) return fail(410, { error: 'invite.invalid' });
		const problem = await locals.auth.joinWithPassword(
			params.token,
			invitation.email,
			parsed.data.password
		);
		if (problem) {
			const key = ['wrong_password', 'invitation_invalid', 'confirm_email'].includes(problem)
				? `invite.problem.${problem}`
				: `auth.password.problem.${problem}`;
			return fail(400, { error: key });
		}
		redirect(303, '/dashboard');
	}
};
