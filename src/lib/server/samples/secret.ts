import { env } from '$env/dynamic/private';

/**
 * The secret invitation codes are derived from, or null when the deployment has
 * none (the Supabase mode must set KOE_CODE_SECRET; `npm start` provides one).
 */
export function codeSecret(): string | null {
	return env.KOE_CODE_SECRET || null;
}
