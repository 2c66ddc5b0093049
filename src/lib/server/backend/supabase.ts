/** The backend for the Supabase mode: the same SQL functions through supabase-js's `.rpc()`. */
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import { RpcError, type Rpc } from '$lib/server/rpc/types';
import { createBackend } from './index';
import type { Backend } from './types';

export function supabaseRpc(client: SupabaseClient): Rpc {
	return async <T>(fn: string, args: Record<string, unknown> = {}) => {
		const response: { data: unknown; error: PostgrestError | null } = await client.rpc(fn, args);
		if (response.error) throw new RpcError(response.error);
		return response.data as T;
	};
}

/** `caller` carries the visitor's session (or none); `anon` never does. */
export function createSupabaseBackend(
	caller: SupabaseClient,
	anon: SupabaseClient,
	signedIn: boolean
): Backend {
	return createBackend({ caller: supabaseRpc(caller), anon: supabaseRpc(anon) }, signedIn);
}
