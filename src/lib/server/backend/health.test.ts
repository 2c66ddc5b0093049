import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createSqlBackend } from './sql';

describe('health', () => {
	it('is false, not an exception, when the database cannot be reached', async () => {
		const pool = new pg.Pool({
			connectionString: 'postgres://nobody:nothing@127.0.0.1:9/none',
			connectionTimeoutMillis: 1000
		});
		pool.on('error', () => {});
		expect(await createSqlBackend(pool, null).health()).toBe(false);
		await pool.end();
	});
});
