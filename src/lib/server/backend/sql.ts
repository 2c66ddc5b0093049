/** The backend for the embedded and DATABASE_URL modes: SQL functions in the request context. */
import type pg from 'pg';
import type { Claims } from '$lib/server/db/context';
import { sqlRpc } from '$lib/server/rpc/sql';
import { createBackend } from './index';
import { sqlAuthOf } from './sql/auth';
import type { Backend, SqlAuthApi } from './types';

/** The shared backend, plus Koe's own auth, which exists in the SQL modes only. */
export function createSqlBackend(
	pool: pg.Pool,
	claims: Claims | null
): Backend & { auth: SqlAuthApi } {
	const transports = { caller: sqlRpc(pool, claims), anon: sqlRpc(pool, null) };
	return { ...createBackend(transports, claims !== null), auth: sqlAuthOf(transports) };
}
