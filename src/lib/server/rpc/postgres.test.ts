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

	it('writes arguments into the one-round-trip query as literals, never as SQL', async () => {
		// A function made for the test (after the first call, so the catalogue is
		// read again when its name is missing).
		await db.owner.query(`create function public.echo_test(p_text text, p_list jsonb)
			returns jsonb language sql as $$ select jsonb_build_object('text', p_text, 'list', p_list) $$`);
		await db.owner.query('grant execute on function public.echo_test(text, jsonb) to anon');
		const rpc = sqlRpc(db.app, null);
		for (const text of [
			"'); drop table public.surveys; --",
			"\\'; select 1; --",
			"$1 $$ $q$ E'x' \\x27",
			'日本語　全角 ☃ 🎌'
		]) {
			expect(await rpc('echo_test', { p_text: text, p_list: [text, { k: text }] })).toEqual({
				text,
				list: [text, { k: text }]
			});
		}
		expect(
			(await db.owner.query<{ t: string }>("select to_regclass('public.surveys') as t")).rows[0].t
		).toBe('surveys');
	});

	it('rolls back a call that fails after writing, and leaves the connection clean', async () => {
		await db.owner.query(`create table public.scratch_test (n int);
			create function public.write_then_fail(p_n int) returns void language plpgsql
			security definer set search_path = '' as $$
			begin
				insert into public.scratch_test values (p_n);
				if p_n < 0 then raise exception 'negative' using errcode = '22023'; end if;
			end $$;
			grant execute on function public.write_then_fail(int) to anon;`);
		const single = new pg.Pool({ connectionString: appDatabaseUrl(db.ownerUrl, {}), max: 1 });
		try {
			const rpc = sqlRpc(single, null);
			await expect(rpc('write_then_fail', { p_n: -1 })).rejects.toMatchObject({ code: '22023' });
			await rpc('write_then_fail', { p_n: 1 });
			const { rows } = await db.owner.query('select n from public.scratch_test');
			expect(rows).toEqual([{ n: 1 }]);
			const after = await single.query<{ role: string; claims: string }>(
				"select current_user as role, coalesce(current_setting('request.jwt.claims', true), '') as claims"
			);
			expect(after.rows[0].role).not.toBe('anon');
			expect(after.rows[0].claims).toBe('');
		} finally {
			await single.end();
		}
	});
});
