/** The staff side of the backend: memberships, invitations and the audit log. */
import type { LocalText } from '$lib/domain/questionnaire';

import type { Role } from '$lib/domain/roles';

export type { Role };

export interface Membership {
	orgId: string;
	orgSlug: string;
	organization: LocalText;
	role: Role;
}

export interface Member {
	userId: string;
	email: string;
	role: Role;
	districts: string[] | null;
	rawData: boolean;
	createdAt: string;
}

export interface Invitation {
	id: string;
	email: string;
	role: Role;
	createdAt: string;
	expiresAt: string;
	acceptedAt: string | null;
}

export interface AuditEntry {
	id: string;
	at: string;
	actorEmail: string | null;
	action: 'insert' | 'update' | 'delete';
	entity: string;
	entityId: string | null;
	before: Record<string, unknown> | null;
	after: Record<string, unknown> | null;
}

export interface AuditFilter {
	entity?: string;
	actor?: string;
	from?: string;
	to?: string;
	limit?: number;
}

export type MemberChange =
	{ ok: true } | { ok: false; reason: 'last_admin' | 'not_found' | 'forbidden' };

export interface StaffApi {
	/** The caller's organisations and role in each. */
	memberships(): Promise<Membership[]>;
}

export interface MembersApi {
	list(orgId: string): Promise<Member[]>;
	invitations(orgId: string): Promise<Invitation[]>;
	/** A one-time token for the invitation link, shown to the admin once. */
	invite(orgId: string, email: string, role: Role): Promise<string>;
	revokeInvitation(orgId: string, invitationId: string): Promise<boolean>;
	setRole(orgId: string, userId: string, role: Role): Promise<MemberChange>;
	remove(orgId: string, userId: string): Promise<MemberChange>;
	/** The signed-in caller joins through an invitation; false when it is no longer valid. */
	accept(token: string): Promise<boolean>;
	/** What an invitation link offers, or null when it is unknown, used or expired. */
	peekInvitation(
		token: string
	): Promise<{ email: string; role: Role; organization: LocalText } | null>;
}

export interface OrganizationSettings {
	name: LocalText;
	/** k: counts below it are hidden from people without raw-data rights (3–10) */
	minCellSize: number;
}

export interface OrganizationApi {
	/** The organisation's settings, for its admins; null for anyone else. */
	settings(orgId: string): Promise<OrganizationSettings | null>;
	/** 'forbidden' for non-admins, 'out_of_range' outside 3–10 (the table's rule). */
	setMinCellSize(orgId: string, k: number): Promise<'forbidden' | 'out_of_range' | null>;
}

export interface AuditApi {
	list(orgId: string, filter: AuditFilter): Promise<AuditEntry[]>;
}
