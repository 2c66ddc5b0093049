import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDatabaseUrl } from '../db/app-url.js';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { sqlRpc } from './sql';
import { RpcError } from './types';

let db: TestDatabase;
beforeAll(async () => (db = await createTestDatabase()));
afterAll(() => db.drop());

describe('calling SQL functions as PostgREST does', () => {
	it('does not wait for a second connection on a cold, busy pool', async () => {
		// Two connections, ten callers at once, nothing cached yet: every connection
		// holds a caller's transaction while the signatures are read.
		const small = new pg.Pool({ connectionString: appDatabaseUrl(db.ownerUrl, {}), max: 2 });
		try {
			const rpc = sqlRpc(small, null);
			const answers = await Promise.all(Array.from({ length: 10 }, () => rpc('health')));
			expect(answers).toEqual(Array(10).fill(true));
		} finally {
			await small.end();
		}
	});

	it('chooses by argument names, leaves out defaults, and refuses unknown names', async () => {
		const rpc = sqlRpc(db.app, null);
		expect(await rpc('survey_published', { p_slug: 'nothing-here' })).toEqual([]);
		for (const [fn, args] of [
			['no_such_function', {}],
			['survey_published', { slug: 'x' }],
			['survey_published', { p_slug: 'x', p_unknown: 1 }]
		] as const) {
			const refused = await rpc(fn, args).catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(RpcError);
			expect((refused as RpcError).code).toBe('PGRST202');
		}
	});

	it('casts JSON arguments to the declared types and reports SQL errors with their codes', async () => {
		const rpc = sqlRpc(db.app, null);
		const refused = await rpc('survey_published', {
			p_slug: 'x',
			p_version_id: 'not a uuid'
		}).catch((e: unknown) => e);
		expect(refused).toMatchObject({ code: '22P02' });
		const denied = await rpc('members_list', { p_org_id: crypto.randomUUID() }).catch(
			(e: unknown) => e
		);
		expect(denied).toMatchObject({ code: '42501' });
	});
});
