/**
 * Who the visitor is, and a backend and sign-in that act with their rights,
 * for one request: from Koe's session cookie verified in SQL, or from Supabase
 * Auth's cookies verified by Supabase (getClaims: never a bare getSession).
 */
import type { Cookies } from '@sveltejs/kit';
import type pg from 'pg';
import { createSqlBackend } from '../backend/sql';
import { createSupabaseBackend, supabaseRpc } from '../backend/supabase';
import type { Backend } from '../backend/types';
import type { Claims } from '../db/context';
import { SESSION_COOKIE, clearSessionCookie } from '../session';
import type { Live } from '../live';
import { anonClient, requestClient, type SupabaseConfig } from '../supabase/client';
import { realtimeLive } from '../supabase/live';
import { sqlStaffAuth } from './sql';
import { supabaseStaffAuth } from './supabase';
import type { StaffAuth } from './types';

export interface RequestSession {
	user: Claims | null;
	backend: Backend;
	auth: StaffAuth;
	/** the mode's live feed, where it is per request (Supabase Realtime) */
	live?: Live;
}

interface Visit {
	cookies: Cookies;
	url: URL;
}

export async function sqlSession(pool: pg.Pool, { cookies, url }: Visit): Promise<RequestSession> {
	const token = cookies.get(SESSION_COOKIE) ?? null;
	// A database outage must not turn every page into a crash: without a verified
	// session the visitor is simply anonymous, and /api/health reports the outage.
	const claims = token
		? await createSqlBackend(pool, null)
				.auth.claims(token)
				.catch(() => null)
		: null;
	if (token && !claims) clearSessionCookie(cookies);
	const backend = createSqlBackend(pool, claims);
	const auth = sqlStaffAuth(backend.auth, {
		cookies,
		token: claims ? token : null,
		secure: url.protocol === 'https:'
	});
	return { user: claims, backend, auth };
}

export async function supabaseSession(
	config: SupabaseConfig,
	{ cookies, url }: Visit
): Promise<RequestSession> {
	const client = requestClient(config, cookies, url.protocol === 'https:');
	const anon = anonClient(config);
	const { data } = await client.auth.getClaims().catch(() => ({ data: null }));
	const verified = data?.claims;
	const user: Claims | null =
		verified?.sub && verified.role === 'authenticated'
			? { sub: verified.sub, role: 'authenticated', email: String(verified.email ?? '') }
			: null;
	const rpc = { caller: supabaseRpc(client), anon: supabaseRpc(anon) };
	return {
		user,
		backend: createSupabaseBackend(client, anon, user !== null),
		auth: supabaseStaffAuth(client, rpc, url.origin),
		live: realtimeLive(client)
	};
}
