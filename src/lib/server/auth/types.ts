/**
 * Staff sign-in as the pages use it, the same in every mode: Koe's SQL auth
 * (a session token in an httpOnly cookie) or Supabase Auth (@supabase/ssr's
 * cookies). Each call that starts or ends a session also sets or clears them.
 */
import type { FirstAdmin, FirstAdminProblem, PasswordProblem } from '../backend/types';

export type SignIn = { ok: true } | { ok: false; reason: 'wrong' | 'locked' };

export interface StaffAuth {
	/** Supabase mode: sign-in links by email are offered too. */
	readonly magicLinks: boolean;
	/** Starts a new session (ending the one this browser had: no fixation). */
	signIn(email: string, password: string): Promise<SignIn>;
	/** Mails a one-time sign-in link when the address belongs to someone; says nothing either way. */
	sendMagicLink(email: string, next: string): Promise<void>;
	/** Signs in with the link from that mail; false when it is unknown, used or expired. */
	confirmMagicLink(tokenHash: string): Promise<boolean>;
	signOut(): Promise<void>;
	/** Ends every session of the signed-in user, this one included. */
	signOutEverywhere(): Promise<void>;
	/**
	 * Starts a password reset. SQL modes return the one-time token for Koe to mail
	 * (null for an unknown address); Supabase Auth mails the link itself (null).
	 */
	requestPasswordReset(email: string): Promise<string | null>;
	/** Whether the link can still be used (Supabase mode: known only when it is used). */
	passwordResetValid(token: string): Promise<boolean>;
	/** Sets the password and ends every session of the user; null when done. */
	resetPassword(token: string, password: string): Promise<PasswordProblem | 'invalid_token' | null>;
	/** True while Koe has no admin yet: the first-run setup is open. */
	setupNeeded(): Promise<boolean>;
	/** Creates the first admin and their organisation, and signs them in; null when done. */
	createFirstAdmin(input: FirstAdmin): Promise<FirstAdminProblem | null>;
	/**
	 * An invitee without a session sets (new account) or confirms their password,
	 * joins and is signed in. Null, or why not: a password rule, wrong_password,
	 * invitation_invalid, or confirm_email (Supabase Auth must confirm the address first).
	 */
	joinWithPassword(token: string, email: string, password: string): Promise<string | null>;
}
