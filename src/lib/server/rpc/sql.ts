/** The SQL modes' transport: each call is one transaction in the caller's request context. */
import type pg from 'pg';
import { opening, type Claims, type Query } from '../db/context';
import { prepareCall, resultOf } from './postgres';
import { RpcError, type Rpc } from './types';

/** node-postgres' error fields, as PostgREST would send them. */
export function asRpcError(error: unknown): unknown {
	if (error instanceof RpcError) return error;
	const e = error as { code?: unknown; message?: string; hint?: string; detail?: string };
	// Only errors the database raised: a lost connection stays what it is.
	if (typeof e?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return error;
	return new RpcError({ code: e.code, message: e.message, hint: e.hint, details: e.detail });
}

/**
 * Each call is one round trip: the transaction's opening, the call and the
 * commit go as one simple query, so the call's arguments (one JSON value) are
 * written into it as an escaped literal. A statement that fails ends the query
 * there, and the transaction is rolled back.
 */
export function sqlRpc(pool: pg.Pool, claims: Claims | null): Rpc {
	return async <T>(fn: string, args: Record<string, unknown> = {}) => {
		const client = await pool.connect();
		try {
			// Finding the overload may read the catalogue, which is public, before
			// the transaction opens.
			const catalogue: Query = async <R extends pg.QueryResultRow>(
				sql: string,
				params?: unknown[]
			) => (await client.query<R>(sql, params)).rows;
			const prepared = await prepareCall(pool, catalogue, fn, args);
			const argument = prepared.json === null ? '' : client.escapeLiteral(prepared.json);
			const results = (await client.query(
				`${opening(client, claims)}; ${prepared.sql(argument)}; commit`
			)) as unknown as pg.QueryResult<{ v?: unknown }>[];
			return resultOf(prepared, results[3].rows) as T;
		} catch (error) {
			await client.query('rollback').catch(() => {});
			throw asRpcError(error);
		} finally {
			client.release();
		}
	};
}
