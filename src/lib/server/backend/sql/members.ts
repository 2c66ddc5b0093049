import type {
	AuditApi,
	Invitation,
	Member,
	MembersApi,
	Membership,
	Role,
	StaffApi
} from '../staff-types';
import type { Runner } from './runner';

export function staffOf({ run, claims }: Runner): StaffApi {
	// The root layout and a group's guard both ask in the same request; the backend
	// lives for one request, so asking the database once is enough.
	let memberships: Promise<Membership[]> | undefined;
	return {
		memberships: () =>
			(memberships ??= claims
				? run((q) =>
						q<Membership>(
							`select m.org_id as "orgId", o.slug as "orgSlug", o.name as organization, m.role
							 from public.memberships m join public.organizations o on o.id = m.org_id
							 where m.user_id = auth.uid() order by o.slug`
						)
					)
				: Promise.resolve([]))
	};
}

/** Raised by the SQL trigger that keeps one admin per organisation. */
const isLastAdmin = (error: unknown) => (error as { hint?: string }).hint === 'last_admin';

export function membersOf({ run, anonymous }: Runner): MembersApi {
	return {
		list: (orgId) =>
			run((q) =>
				q<Member>(
					`select m.user_id as "userId", u.email, m.role, m.districts, m.raw_data as "rawData",
					        m.created_at as "createdAt"
					 from public.memberships m join public.member_emails(m.org_id) u on u.user_id = m.user_id
					 where m.org_id = $1 order by u.email`,
					[orgId]
				)
			),
		invitations: (orgId) =>
			run((q) =>
				q<Invitation>(
					`select id, email, role, created_at as "createdAt", expires_at as "expiresAt",
					        accepted_at as "acceptedAt"
					 from public.invitations where org_id = $1 order by created_at desc`,
					[orgId]
				)
			),
		invite: (orgId, email, role) =>
			run(async (q) => {
				const [row] = await q<{ token: string }>(
					'select public.invitation_create($1, $2, $3) as token',
					[orgId, email, role]
				);
				return row.token;
			}),
		revokeInvitation: (orgId, invitationId) =>
			run(async (q) => {
				const rows = await q(
					'delete from public.invitations where org_id = $1 and id = $2 returning id',
					[orgId, invitationId]
				);
				return rows.length > 0;
			}),
		setRole: (orgId, userId, role: Role) =>
			run(async (q) => {
				const rows = await q(
					'update public.memberships set role = $3 where org_id = $1 and user_id = $2 returning user_id',
					[orgId, userId, role]
				);
				return rows.length
					? ({ ok: true } as const)
					: ({ ok: false, reason: 'not_found' } as const);
			}).catch((error: unknown) => {
				if (isLastAdmin(error)) return { ok: false, reason: 'last_admin' } as const;
				throw error;
			}),
		remove: (orgId, userId) =>
			run(async (q) => {
				const rows = await q(
					'delete from public.memberships where org_id = $1 and user_id = $2 returning user_id',
					[orgId, userId]
				);
				return rows.length
					? ({ ok: true } as const)
					: ({ ok: false, reason: 'not_found' } as const);
			}).catch((error: unknown) => {
				if (isLastAdmin(error)) return { ok: false, reason: 'last_admin' } as const;
				throw error;
			}),
		accept: (token) =>
			run(async (q) => {
				await q('select public.invitation_accept($1)', [token]);
				return true;
			}).catch((error: unknown) => {
				if ((error as { hint?: string }).hint === 'invitation_invalid') return false;
				throw error;
			}),
		acceptWithPassword: (token, password) =>
			anonymous(async (q) => {
				const [row] = await q<{ problem: string | null }>(
					'select public.auth_accept_invitation($1, $2) as problem',
					[token, password]
				);
				return row.problem;
			}),
		peekInvitation: (token) =>
			anonymous(async (q) => {
				const [row] = await q<{ email: string; role: Role; organization: { ja: string } }>(
					'select * from public.invitation_peek($1)',
					[token]
				);
				return row ?? null;
			})
	};
}

export function auditOf({ run }: Runner): AuditApi {
	return {
		list: (orgId, filter) =>
			run((q) =>
				q(
					`select id::text, at, actor_email as "actorEmail", action, entity,
					        entity_id as "entityId", before, after
					 from public.audit_log
					 where org_id = $1
					   and ($2::text is null or entity = $2)
					   and ($3::text is null or actor_email ilike '%' || $3 || '%')
					   and ($4::date is null or at >= $4::date)
					   and ($5::date is null or at < $5::date + 1)
					 order by at desc, id desc limit $6`,
					[
						orgId,
						filter.entity ?? null,
						filter.actor ?? null,
						filter.from ?? null,
						filter.to ?? null,
						Math.min(filter.limit ?? 200, 1000)
					]
				)
			)
	};
}
