import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { local } from '$lib/domain/questionnaire';
import { ROLES } from '$lib/domain/roles';
import { sendMail } from '$lib/server/mail';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { org } = await parent();
	const [members, invitations] = await Promise.all([
		locals.backend.members.list(org.orgId),
		locals.backend.members.invitations(org.orgId)
	]);
	return { members, invitations, me: locals.user?.sub };
};

const role = z.enum(ROLES);
const inviteForm = z.object({ email: z.email().max(320), role });
const memberForm = z.object({ user: z.uuid(), role: role.optional() });
const invitationForm = z.object({ invitation: z.uuid() });

/** The organisation the form acts on; row-level security checks the caller is its admin. */
async function orgOf(locals: App.Locals, url: URL) {
	const memberships = await locals.backend.staff.memberships();
	const admin = memberships.filter((m) => m.role === 'admin');
	return admin.find((m) => m.orgSlug === url.searchParams.get('org')) ?? admin[0];
}

export const actions: Actions = {
	invite: async ({ locals, request, url }) => {
		const raw = Object.fromEntries(await readForm(request, locals.t));
		const parsed = inviteForm.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				action: 'invite',
				email: typeof raw.email === 'string' ? raw.email : '',
				error: 'members.error.email'
			});
		}
		const org = await orgOf(locals, url);
		if (!org) return fail(403, { action: 'invite', error: 'errors.forbidden' });
		const token = await locals.backend.members.invite(
			org.orgId,
			parsed.data.email,
			parsed.data.role
		);
		// Mailed when SMTP is set up; shown once to the admin either way (only its hash
		// is stored), so the admin can pass it on if the mail does not arrive.
		const link = `${url.origin}/invite/${token}`;
		const mailed = await sendMail({
			to: parsed.data.email,
			subject: locals.t('members.mail.subject', {
				organization: local(org.organization, locals.locale)
			}),
			text: locals.t('members.mail.body', {
				organization: local(org.organization, locals.locale),
				role: locals.t(`members.roles.${parsed.data.role}`),
				link
			})
		});
		return { action: 'invite', link, email: parsed.data.email, mailed };
	},
	role: async ({ locals, request, url }) => {
		const parsed = memberForm.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		if (!parsed.success || !parsed.data.role) return fail(400, { error: 'members.error.invalid' });
		const org = await orgOf(locals, url);
		if (!org) return fail(403, { error: 'errors.forbidden' });
		const result = await locals.backend.members.setRole(
			org.orgId,
			parsed.data.user,
			parsed.data.role
		);
		return result.ok
			? { done: 'members.roleChanged' }
			: fail(409, { error: `members.error.${result.reason}` });
	},
	remove: async ({ locals, request, url }) => {
		const parsed = memberForm.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		if (!parsed.success) return fail(400, { error: 'members.error.invalid' });
		const org = await orgOf(locals, url);
		if (!org) return fail(403, { error: 'errors.forbidden' });
		const result = await locals.backend.members.remove(org.orgId, parsed.data.user);
		return result.ok
			? { done: 'members.removed' }
			: fail(409, { error: `members.error.${result.reason}` });
	},
	revoke: async ({ locals, request, url }) => {
		const parsed = invitationForm.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		if (!parsed.success) return fail(400, { error: 'members.error.invalid' });
		const org = await orgOf(locals, url);
		if (!org) return fail(403, { error: 'errors.forbidden' });
		await locals.backend.members.revokeInvitation(org.orgId, parsed.data.invitation);
		return { done: 'members.revoked' };
	}
};
