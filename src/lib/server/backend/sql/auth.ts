import type { Claims } from '$lib/server/db/context';
import type { Backend } from '../types';
import type { Runner } from './runner';

export function authOf({ anonymous }: Runner): Backend['auth'] {
	return {
		signIn: (email, password) =>
			anonymous(async (q) => {
				const [row] = await q<{ token: string | null }>(
					'select public.auth_sign_in($1, $2) as token',
					[email, password]
				);
				return row?.token ?? null;
			}),
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
			})
	};
}
