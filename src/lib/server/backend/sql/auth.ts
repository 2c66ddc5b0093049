import type { Claims } from '$lib/server/db/context';
import type { Backend, FirstAdminProblem, PasswordProblem, SignInResult } from '../types';
import type { Runner } from './runner';

/** Koe's own auth (supabase/sql-mode): every rule is in SQL, this only calls it. */
export function authOf({ run, anonymous }: Runner): Backend['auth'] {
	const attemptSignIn = (email: string, password: string) =>
		anonymous(async (q): Promise<SignInResult> => {
			const [row] = await q<{ token: string | null; locked: boolean }>(
				'select token, locked from public.auth_sign_in_attempt($1, $2)',
				[email, password]
			);
			if (row?.token) return { ok: true, token: row.token };
			return { ok: false, reason: row?.locked ? 'locked' : 'wrong' };
		});

	return {
		attemptSignIn,
		signIn: async (email, password) => {
			const result = await attemptSignIn(email, password);
			return result.ok ? result.token : null;
		},
		claims: (token) =>
			anonymous(async (q) => {
				const [row] = await q<{ claims: Claims | null }>(
					'select public.auth_session_claims($1) as claims',
					[token]
				);
				return row?.claims ?? null;
			}),
		signOut: (token) =>
			anonymous(async (q) => {
				await q('select public.auth_sign_out($1)', [token]);
			}),
		signOutEverywhere: () =>
			run(async (q) => {
				await q('select public.auth_sign_out_everywhere()');
			}),
		requestPasswordReset: (email) =>
			anonymous(async (q) => {
				const [row] = await q<{ token: string | null }>(
					'select public.auth_request_password_reset($1) as token',
					[email]
				);
				return row?.token ?? null;
			}),
		passwordResetValid: (token) =>
			anonymous(async (q) => {
				const [row] = await q<{ valid: boolean }>(
					'select public.auth_password_reset_valid($1) as valid',
					[token]
				);
				return row?.valid ?? false;
			}),
		resetPassword: (token, password) =>
			anonymous(async (q) => {
				const [row] = await q<{ problem: PasswordProblem | 'invalid_token' | null }>(
					'select public.auth_reset_password($1, $2) as problem',
					[token, password]
				);
				return row?.problem ?? null;
			}),
		setupNeeded: () =>
			anonymous(async (q) => {
				const [row] = await q<{ needed: boolean }>('select public.auth_setup_needed() as needed');
				return row?.needed ?? false;
			}),
		createFirstAdmin: ({ email, password, orgSlug, orgName }) =>
			anonymous(async (q) => {
				const [row] = await q<{ problem: FirstAdminProblem | null }>(
					'select public.auth_first_admin($1, $2, $3, $4) as problem',
					[email, password, orgSlug, orgName]
				);
				return row?.problem ?? null;
			})
	};
}
