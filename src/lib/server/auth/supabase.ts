/**
 * Staff sign-in in the Supabase mode, through Supabase Auth: @supabase/ssr
 * writes the session cookies; Supabase applies its own password rules, rate
 * limits and mails (magic links and password resets, from its email templates).
 */
import type { AuthError, SupabaseClient } from '@supabase/supabase-js';
import type { PasswordProblem } from '../backend/types';
import { RpcError, type Transports } from '../rpc/types';
import type { StaffAuth } from './types';

/** Supabase's weak_password reasons, in Koe's words. */
function passwordProblem(error: AuthError): PasswordProblem | null {
	if (error.code !== 'weak_password') return null;
	const reasons = (error as AuthError & { reasons?: string[] }).reasons ?? [];
	if (reasons.includes('pwned')) return 'too_common';
	if (reasons.includes('characters')) return 'too_simple';
	return 'too_short';
}

export function supabaseStaffAuth(
	client: SupabaseClient,
	rpc: Transports,
	origin: string
): StaffAuth {
	const hasSession = async () => (await client.auth.getSession()).data.session !== null;

	/** Signs in, or creates the account when there is none; a problem code, or null when signed in. */
	async function signInOrUp(email: string, password: string): Promise<string | null> {
		const signedIn = await client.auth.signInWithPassword({ email, password });
		if (!signedIn.error) return null;
		const created = await client.auth.signUp({ email, password });
		if (created.error) {
			return (
				passwordProblem(created.error) ??
				(created.error.code === 'user_already_exists' ? 'wrong_password' : 'invalid_email')
			);
		}
		// With email confirmation on (the default), the account waits for its link.
		return created.data.session ? null : 'confirm_email';
	}

	return {
		magicLinks: true,
		async signIn(email, password) {
			// Rotation: the session this browser had ends before the new one starts.
			if (await hasSession()) await client.auth.signOut({ scope: 'local' });
			const { error } = await client.auth.signInWithPassword({ email, password });
			if (!error) return { ok: true };
			// Supabase Auth's own rate limit: the same answer as Koe's lock-out.
			return { ok: false, reason: error.status === 429 ? 'locked' : 'wrong' };
		},
		async sendMagicLink(email, next) {
			const redirect = new URL('/auth/confirm', origin);
			redirect.searchParams.set('next', next);
			// Never says whether the address is known: errors are only logged.
			const { error } = await client.auth.signInWithOtp({
				email,
				options: { shouldCreateUser: false, emailRedirectTo: redirect.href }
			});
			if (error && error.status !== 422 && error.status !== 400) {
				console.warn(`magic link not sent: ${error.message}`);
			}
		},
		async confirmMagicLink(tokenHash) {
			if (await hasSession()) await client.auth.signOut({ scope: 'local' });
			const { error } = await client.auth.verifyOtp({ token_hash: tokenHash, type: 'email' });
			return !error;
		},
		async signOut() {
			await client.auth.signOut({ scope: 'local' });
		},
		async signOutEverywhere() {
			await client.auth.signOut({ scope: 'global' });
		},
		async requestPasswordReset(email) {
			const { error } = await client.auth.resetPasswordForEmail(email, {
				redirectTo: new URL('/reset', origin).href
			});
			if (error && error.status !== 422 && error.status !== 400) {
				console.warn(`password reset not sent: ${error.message}`);
			}
			return null;
		},
		// The link's token can be checked only by using it, which the form does.
		passwordResetValid: () => Promise.resolve(true),
		async resetPassword(token, password) {
			const verified = await client.auth.verifyOtp({ token_hash: token, type: 'recovery' });
			if (verified.error) return 'invalid_token';
			const updated = await client.auth.updateUser({ password });
			if (updated.error) {
				const problem = passwordProblem(updated.error);
				await client.auth.signOut({ scope: 'local' });
				if (problem) return problem;
				throw updated.error;
			}
			await client.auth.signOut({ scope: 'global' });
			return null;
		},
		setupNeeded: async () => (await rpc.anon<boolean | null>('setup_open')) ?? false,
		async createFirstAdmin({ email, password, orgSlug, orgName }) {
			if (!(await rpc.anon<boolean | null>('setup_open'))) return 'setup_done';
			const problem = await signInOrUp(email, password);
			if (problem === 'confirm_email') return 'confirm_email';
			if (problem === 'wrong_password') return 'setup_done';
			if (problem) return problem as PasswordProblem;
			const refused = await rpc.caller<string | null>('setup_first_organization', {
				p_org_slug: orgSlug,
				p_org_name_ja: orgName
			});
			if (refused) await client.auth.signOut({ scope: 'local' });
			return refused as Awaited<ReturnType<StaffAuth['createFirstAdmin']>>;
		},
		async joinWithPassword(token, email, password) {
			const problem = await signInOrUp(email, password);
			if (problem) return problem;
			try {
				await rpc.caller('invitation_accept', { p_token: token });
				return null;
			} catch (error) {
				if (error instanceof RpcError && error.hint === 'invitation_invalid') {
					return 'invitation_invalid';
				}
				throw error;
			}
		}
	};
}
