/** Staff sessions in the SQL modes: a random token, kept hashed in SQL, in an httpOnly cookie. */
import type { Cookies } from '@sveltejs/kit';
import type { SqlAuthApi } from '../backend/types';
import { clearSessionCookie, setSessionCookie } from '../session';
import type { StaffAuth } from './types';

export function sqlStaffAuth(
	auth: SqlAuthApi,
	session: { cookies: Cookies; token: string | null; secure: boolean }
): StaffAuth {
	const start = async (token: string) => {
		// Rotation: a session this browser held before (perhaps planted) ends.
		if (session.token) await auth.signOut(session.token);
		setSessionCookie(session.cookies, token, session.secure);
	};
	return {
		magicLinks: false,
		async signIn(email, password) {
			const result = await auth.attemptSignIn(email, password);
			if (!result.ok) return result;
			await start(result.token);
			return { ok: true };
		},
		sendMagicLink: () => Promise.resolve(),
		confirmMagicLink: () => Promise.resolve(false),
		async signOut() {
			if (session.token) await auth.signOut(session.token);
			clearSessionCookie(session.cookies);
		},
		async signOutEverywhere() {
			await auth.signOutEverywhere();
			clearSessionCookie(session.cookies);
		},
		requestPasswordReset: (email) => auth.requestPasswordReset(email),
		passwordResetValid: (token) => auth.passwordResetValid(token),
		resetPassword: (token, password) => auth.resetPassword(token, password),
		setupNeeded: () => auth.setupNeeded(),
		async createFirstAdmin(input) {
			const problem = await auth.createFirstAdmin(input);
			if (problem) return problem;
			const token = await auth.signIn(input.email, input.password);
			if (token) await start(token);
			return null;
		},
		async joinWithPassword(invitation, email, password) {
			const problem = await auth.acceptInvitation(invitation, password);
			if (problem) return problem;
			const token = await auth.signIn(email, password);
			if (token) await start(token);
			return null;
		}
	};
}
