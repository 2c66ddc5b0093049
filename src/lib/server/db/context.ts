/**
 * Runs queries the way PostgREST runs a request: one transaction, `set local
 * role`, and the caller's claims in `request.jwt.claims`. Row-level security in
 * SQL then decides what the caller sees.
 */
import type pg from 'pg';

export interface Claims {
	sub: string;
	role: 'authenticated';
	email: string;
}

export type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;

export async function inRequestContext<T>(
	pool: pg.Pool,
	claims: Claims | null,
	work: (query: Query) => Promise<T>
): Promise<T> {
	const client = await pool.connect();
	try {
		await client.query('begin');
		// The role is one of two fixed names chosen here, never caller input.
		await client.query(claims ? 'set local role authenticated' : 'set local role anon');
		await client.query("select set_config('request.jwt.claims', $1, true)", [
			JSON.stringify(claims ?? { role: 'anon' })
		]);
		const query: Query = async <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) =>
			(await client.query<R>(sql, params)).rows;
		const result = await work(query);
		await client.query('commit');
		return result;
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		client.release();
	}
}
