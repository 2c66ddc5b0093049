// One query on its own connection: for scripts and tests that need a single answer.
import pg from 'pg';

/**
 * @param {string} connectionString
 * @param {string} sql
 * @returns {Promise<Record<string, unknown>[]>}
 */
export async function queryOnce(connectionString, sql) {
	const client = new pg.Client({ connectionString });
	await client.connect();
	try {
		/** @type {pg.QueryResult<Record<string, unknown>>} */
		const result = await client.query(sql);
		return result.rows;
	} finally {
		await client.end();
	}
}
