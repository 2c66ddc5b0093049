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

/**
 * The statements that open a request's transaction, as one simple query (which
 * may hold several statements but no parameters): the role is one of two fixed
 * names chosen here, never caller input, and the claims are escaped as a literal.
 */
export function opening(client: pg.PoolClient, claims: Claims | null): string {
	const role = claims ? 'authenticated' : 'anon';
	const json = client.escapeLiteral(JSON.stringify(claims ?? { role: 'anon' }));
	return `begin; set local role ${role}; select set_config('request.jwt.claims', ${json}, true)`;
}

export async function inRequestContext<T>(
	pool: pg.Pool,
	claims: Claims | null,
	work: (query: Query) => Promise<T>
): Promise<T> {
	const client = await pool.connect();
	try {
		await client.query(opening(client, claims));
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
