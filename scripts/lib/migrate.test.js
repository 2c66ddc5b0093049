import { randomBytes } from 'node:crypto';
import { queryOnce } from './query.js';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrate } from './migrate.js';

const server = inject('ownerUrl');
const name = `koe_migrate_${randomBytes(4).toString('hex')}`;
const url = (() => {
	const u = new URL(server);
	u.pathname = `/${name}`;
	return u.toString();
})();

// Everything a migration could change: columns, policies, functions, grants.
const fingerprint = () =>
	queryOnce(
		url,
		`select md5(string_agg(x, '|' order by x)) as f from (
			select table_schema || '.' || table_name || '.' || column_name || ':' || data_type as x
			from information_schema.columns where table_schema in ('public', 'auth', 'koe_private', 'koe_auth')
			union all select schemaname || '.' || tablename || '.' || policyname || ':' || coalesce(qual, '')
			from pg_policies
			union all select p.oid::regprocedure::text || ':' || md5(p.prosrc) from pg_proc p
			join pg_namespace n on n.oid = p.pronamespace
			where n.nspname in ('public', 'auth', 'koe_private', 'koe_auth')
			union all select grantee || ':' || table_name || ':' || privilege_type
			from information_schema.role_table_grants where table_schema = 'public'
		) t`
	);

describe('migrations', () => {
	afterAll(() => queryOnce(server, `drop database if exists ${name} with (force)`));

	it('apply from scratch, each once, and a second run changes nothing', async () => {
		await queryOnce(server, `create database ${name}`);
		const first = await migrate(url);
		expect(first[0]).toBe('sql-mode/000_supabase_compat.sql');
		expect(first).toContain('20261124000300_submit.sql');
		const before = await fingerprint();

		expect(await migrate(url)).toEqual([]);
		expect(await fingerprint()).toEqual(before);
		const recorded = await queryOnce(url, 'select name from koe_private.schema_migrations');
		expect(recorded.map((r) => String(r.name)).sort()).toEqual([...first].sort());
	});

	it('leaves row-level security on for every table in public', async () => {
		const rows = await queryOnce(
			url,
			`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`
		);
		expect(rows).toEqual([]);
	});
});
