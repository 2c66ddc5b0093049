import type { Claims } from '$lib/server/db/context';
import type { Transports } from '$lib/server/rpc/types';
import type { FirstAdminProblem, PasswordProblem, SignInResult, SqlAuthApi } from '../types';

/** Koe's own auth (supabase/sql-mode): every rule is in SQL, this only calls it. */
export type { SqlAuthApi };

export function sqlAuthOf({ caller, anon }: Transports): SqlAuthApi {
	const attemptSignIn = async (email: string, password: string): Promise<SignInResult> => {
		const row = await anon<{ token: string | null; locked: boolean } | null>(
			'auth_sign_in_attempt',
			{ p_email: email, p_password: password }
		);
		if (row?.token) return { ok: true, token: row.token };
		return { ok: false, reason: row?.locked ? 'locked' : 'wrong' };
	};

	return {
		attemptSignIn,
		signIn: async (email, password) => {
			const result = await attemptSignIn(email, password);
			return result.ok ? result.token : null;
		},
		claims: (token) => anon<Claims | null>('auth_session_claims', { p_token: token }),
		signOut: async (token) => {
			await anon('auth_sign_out', { p_token: token });
		},
		signOutEverywhere: async () => {
			await caller('auth_sign_out_everywhere');
		},
		requestPasswordReset: (email) =>
			anon<string | null>('auth_request_password_reset', { p_email: email }),
		passwordResetValid: async (token) =>
			(await anon<boolean | null>('auth_password_reset_valid', { p_token: token })) ?? false,
		resetPassword: (token, password) =>
			anon<PasswordProblem | 'invalid_token' | null>('auth_reset_password', {
				p_token: token,
				p_password: password
			}),
		setupNeeded: async () => (await anon<boolean | null>('auth_setup_needed')) ?? false,
		createFirstAdmin: ({ email, password, orgSlug, orgName }) =>
			anon<FirstAdminProblem | null>('auth_first_admin', {
				p_email: email,
				p_password: password,
				p_org_slug: orgSlug,
				p_org_name_ja: orgName
			}),
		acceptInvitation: (token, password) =>
			anon<string | null>('auth_accept_invitation', { p_token: token, p_password: password })
	};
}
