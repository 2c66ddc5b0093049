/**
 * Supabase clients for the Supabase mode: one per request, as in Supabase's
 * SvelteKit guide. @supabase/ssr keeps the session in cookies through
 * getAll/setAll; Koe never reads them in the browser, so they are httpOnly.
 */
import { createServerClient } from '@supabase/ssr';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Cookies } from '@sveltejs/kit';
import ws from 'ws';

export interface SupabaseConfig {
	url: string;
	/** the anon (publishable) key: never the service-role key */
	key: string;
	/** for tests: where supabase-js sends its requests */
	fetch?: typeof fetch;
}

/** The Supabase mode is on when both are set; the service-role key is never used. */
export function supabaseConfig(env: Record<string, string | undefined>): SupabaseConfig | null {
	const url = env.PUBLIC_SUPABASE_URL;
	const key = env.PUBLIC_SUPABASE_PUBLISHABLE_KEY || env.PUBLIC_SUPABASE_ANON_KEY;
	return url && key ? { url, key } : null;
}

// Node 20 has no WebSocket of its own: Realtime uses the `ws` package.
const common = (config: SupabaseConfig) => ({
	global: config.fetch ? { fetch: config.fetch } : {},
	realtime: { transport: ws as never }
});

/** The signed-in (or anonymous) visitor's client for one request. */
export function requestClient(
	config: SupabaseConfig,
	cookies: Cookies,
	secure: boolean
): SupabaseClient {
	return createServerClient<unknown>(config.url, config.key, {
		...common(config),
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (changed) => {
				for (const { name, value, options } of changed) {
					cookies.set(name, value, {
						...options,
						path: '/',
						httpOnly: true,
						sameSite: 'lax',
						secure
					});
				}
			}
		}
	});
}

/** A client with no session: calls anyone may make, as the anon role. */
export function anonClient(config: SupabaseConfig): SupabaseClient {
	return createClient<unknown>(config.url, config.key, {
		...common(config),
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}
