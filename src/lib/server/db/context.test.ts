import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { appDatabaseUrl } from './app-url';
import { inRequestContext, type Claims } from './context';

let db: TestDatabase;
// One connection, so that what a call leaves behind would show in the next.
let single: pg.Pool;
beforeAll(async () => {
	db = await createTestDatabase();
	single = new pg.Pool({ connectionString: appDatabaseUrl(db.ownerUrl, {}), max: 1 });
});
afterAll(async () => {
	await single.end();
	await db.drop();
});

const whoAmI = `select current_user as role, current_setting('request.jwt.claims') as claims`;
interface WhoAmI {
	role: string;
	claims: string;
}

describe('inRequestContext', () => {
	it('runs as anon with anonymous claims, or as authenticated with the caller’s', async () => {
		const [anon] = await inRequestContext(db.app, null, (query) => query<WhoAmI>(whoAmI));
		expect(anon).toEqual({ role: 'anon', claims: '{"role":"anon"}' });

		// Claims are escaped, not pasted: quotes and backslashes arrive as they were.
		const claims: Claims = {
			sub: '00000000-0000-4000-8000-000000000001',
			role: 'authenticated',
			email: `o'brien\\'; drop table x; --@example.jp`
		};
		const [staff] = await inRequestContext(db.app, claims, (query) => query<WhoAmI>(whoAmI));
		expect(staff.role).toBe('authenticated');
		expect(JSON.parse(staff.claims)).toEqual(claims);
	});

	it('leaves the connection as it found it, after success and after failure', async () => {
		const outside = `select current_user as role, coalesce(current_setting('request.jwt.claims', true), '') as claims`;
		const [before] = (await single.query<WhoAmI>(outside)).rows;
		await inRequestContext(single, null, (query) => query('select 1'));
		expect((await single.query<WhoAmI>(outside)).rows[0]).toEqual(before);

		const failing = inRequestContext(single, null, (query) => query('select 1/0'));
		await expect(failing).rejects.toMatchObject({ code: '22012' });
		expect((await single.query<WhoAmI>(outside)).rows[0]).toEqual(before);
		expect(before.role).not.toBe('anon');
		const [again] = await inRequestContext(single, null, (query) => query<WhoAmI>(whoAmI));
		expect(again.role).toBe('anon');
	});
});
