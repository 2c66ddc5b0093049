/**
 * PostgREST's `/rpc` for the contract tests: the request supabase-js sends is
 * answered by the real SQL of the test database, with PostgREST's rules — the
 * role and claims come from the verified JWT, the call runs in one transaction
 * as that role, and errors come back as PostgREST's JSON with its status codes.
 */
import type pg from 'pg';
import { callFunction } from '../../rpc/postgres';
import { asRpcError } from '../../rpc/sql';
import { RpcError } from '../../rpc/types';
import { verifyJwt } from './jwt';

const ROLES = new Set(['anon', 'authenticated', 'service_role']);

/** PostgREST's mapping of SQL errors to HTTP statuses, for the codes Koe meets. */
function statusOf(error: RpcError, role: string): number {
	if (error.code === 'PGRST202' || error.code === '42883') return 404;
	if (error.code === '42501') return role === 'anon' ? 401 : 403;
	if (error.code === '23505' || error.code === '23503') return 409;
	if (error.code.startsWith('22') || error.code.startsWith('23') || error.code === 'P0001') {
		return 400;
	}
	return 500;
}

const json = (status: number, body: unknown) =>
	new Response(body === undefined ? null : JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});

export interface RpcLog {
	fn: string;
	role: string;
	status: number;
}

export function postgrest(app: pg.Pool, jwtSecret: string, log: RpcLog[]) {
	return async (request: Request, path: string): Promise<Response> => {
		const fn = /^\/rpc\/([a-z0-9_]+)$/.exec(path)?.[1];
		if (!fn || request.method !== 'POST') {
			return json(404, { code: 'PGRST125', message: `Koe makes no such request: ${path}` });
		}
		const bearer = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
		const claims = verifyJwt(bearer, jwtSecret);
		const role = typeof claims?.role === 'string' ? claims.role : '';
		if (!claims || !ROLES.has(role)) {
			return json(401, { code: 'PGRST301', message: 'JWT invalid' });
		}
		const text = await request.text();
		const args = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
		const client = await app.connect();
		try {
			await client.query('begin');
			await client.query(`set local role ${role}`);
			await client.query("select set_config('request.jwt.claims', $1, true)", [
				JSON.stringify(claims)
			]);
			const query = async <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) =>
				(await client.query<R>(sql, params)).rows;
			const result = await callFunction(app, query, fn, args);
			await client.query('commit');
			log.push({ fn, role, status: 200 });
			return json(200, result);
		} catch (raw) {
			await client.query('rollback').catch(() => {});
			const error = asRpcError(raw);
			if (!(error instanceof RpcError)) throw raw;
			const status = statusOf(error, role);
			log.push({ fn, role, status });
			return json(status, {
				code: error.code,
				message: error.message,
				hint: error.hint,
				details: error.details
			});
		} finally {
			client.release();
		}
	};
}
