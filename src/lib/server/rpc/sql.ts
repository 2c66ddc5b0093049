/** The SQL modes' transport: each call is one transaction in the caller's request context. */
import type pg from 'pg';
import { inRequestContext, type Claims } from '../db/context';
import { callFunction } from './postgres';
import { RpcError, type Rpc } from './types';

/** node-postgres' error fields, as PostgREST would send them. */
export function asRpcError(error: unknown): unknown {
	if (error instanceof RpcError) return error;
	const e = error as { code?: unknown; message?: string; hint?: string; detail?: string };
	// Only errors the database raised: a lost connection stays what it is.
	if (typeof e?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return error;
	return new RpcError({ code: e.code, message: e.message, hint: e.hint, details: e.detail });
}

export function sqlRpc(pool: pg.Pool, claims: Claims | null): Rpc {
	return async <T>(fn: string, args: Record<string, unknown> = {}) => {
		try {
			return (await inRequestContext(pool, claims, (query) =>
				callFunction(pool, query, fn, args)
			)) as T;
		} catch (error) {
			throw asRpcError(error);
		}
	};
}
