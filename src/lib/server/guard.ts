import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Membership, Role } from './backend/staff-types';

/**
 * For a route group's +layout.server.ts: anonymous visitors go to sign-in, staff
 * without one of `roles` in any organisation get a 403. Returns the memberships
 * that qualify. (Row-level security still limits every row they then read.)
 * `refused`, if given, sees the memberships of staff about to get the 403 and may
 * redirect them elsewhere instead.
 */
export async function requireRole(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	roles: Role[],
	refused?: (memberships: Membership[]) => void
): Promise<Membership[]> {
	const { locals, url } = event;
	if (!locals.user) {
		redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
	}
	const memberships = await locals.backend.staff.memberships();
	const allowed = memberships.filter((m) => roles.includes(m.role));
	if (allowed.length === 0) {
		refused?.(memberships);
		error(403, { message: locals.t('errors.forbidden') });
	}
	return allowed;
}
