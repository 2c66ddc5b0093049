import { RpcError, type Transports } from '$lib/server/rpc/types';
import type {
	AuditApi,
	AuditEntry,
	Invitation,
	Member,
	MemberChange,
	MembersApi,
	Membership,
	OrganizationApi,
	OrganizationSettings,
	Role,
	StaffApi
} from '../staff-types';

export function staffOf({ caller }: Transports, signedIn: boolean): StaffApi {
	// The root layout and a group's guard both ask in the same request; the backend
	// lives for one request, so asking the database once is enough.
	let memberships: Promise<Membership[]> | undefined;
	return {
		memberships: () =>
			(memberships ??= signedIn ? caller<Membership[]>('my_memberships') : Promise.resolve([]))
	};
}

const hinted = (error: unknown, hint: string) => error instanceof RpcError && error.hint === hint;

/** A change to a membership: false means unknown or hidden; the SQL trigger keeps one admin. */
async function changed(work: Promise<boolean>): Promise<MemberChange> {
	try {
		return (await work) ? { ok: true } : { ok: false, reason: 'not_found' };
	} catch (error) {
		if (hinted(error, 'last_admin')) return { ok: false, reason: 'last_admin' };
		throw error;
	}
}

export function membersOf({ caller, anon }: Transports): MembersApi {
	const org = (orgId: string) => ({ p_org_id: orgId });
	return {
		list: (orgId) => caller<Member[]>('members_list', org(orgId)),
		invitations: (orgId) => caller<Invitation[]>('invitations_list', org(orgId)),
		invite: (orgId, email, role) =>
			caller<string>('invitation_create', { p_org_id: orgId, p_email: email, p_role: role }),
		revokeInvitation: (orgId, invitationId) =>
			caller<boolean>('invitation_revoke', { p_org_id: orgId, p_invitation_id: invitationId }),
		setRole: (orgId, userId, role: Role) =>
			changed(
				caller<boolean>('membership_set_role', {
					p_org_id: orgId,
					p_user_id: userId,
					p_role: role
				})
			),
		remove: (orgId, userId) =>
			changed(caller<boolean>('membership_remove', { p_org_id: orgId, p_user_id: userId })),
		accept: (token) =>
			caller('invitation_accept', { p_token: token }).then(
				() => true,
				(error: unknown) => {
					if (hinted(error, 'invitation_invalid')) return false;
					throw error;
				}
			),
		peekInvitation: async (token) => {
			const [row] = await anon<Awaited<ReturnType<MembersApi['peekInvitation']>>[]>(
				'invitation_peek',
				{ p_token: token }
			);
			return row ?? null;
		}
	};
}

export function organizationOf({ caller }: Transports): OrganizationApi {
	return {
		settings: (orgId) =>
			caller<OrganizationSettings | null>('organization_settings', { p_org_id: orgId }),
		setMinCellSize: async (orgId, k) => {
			try {
				const changed = await caller<boolean>('organization_set_min_cell_size', {
					p_org_id: orgId,
					p_min_cell_size: k
				});
				return changed ? null : 'forbidden';
			} catch (error) {
				if (error instanceof RpcError && error.code === '23514') return 'out_of_range';
				throw error;
			}
		}
	};
}

export function auditOf({ caller }: Transports): AuditApi {
	return {
		list: (orgId, filter) =>
			caller<AuditEntry[]>('audit_list', {
				p_org_id: orgId,
				p_entity: filter.entity ?? null,
				p_actor: filter.actor ?? null,
				p_from: filter.from ?? null,
				p_to: filter.to ?? null,
				p_limit: Math.min(filter.limit ?? 200, 1000)
			})
	};
}
