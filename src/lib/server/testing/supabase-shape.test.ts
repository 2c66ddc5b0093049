/**
 * The migrations and the seed on what a fresh Supabase project provides, without
 * supabase/sql-mode: supabase-shape.sql stands in for the platform, and a
 * non-superuser owner (like Supabase's `postgres`) runs every migration in order,
 * then supabase/seed.sql. A migration that needs sql-mode or a superuser fails here.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoAccounts } from '../../../../scripts/lib/seed.js';
import { TEMPLATE, withDatabase } from './global-setup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const migrationsDir = path.join(root, 'supabase/migrations');
// Stands in for Supabase's `postgres`: owns the database, creates roles, bypasses
// row-level security, is no superuser.
const OWNER = 'koe_supabase_postgres';

/** Where in `sql` a PostgreSQL error points, as "line N: the line". */
function locate(sql: string, error: unknown) {
	const position = Number((error as { position?: string }).position);
	if (!position) return '';
	const lines = sql.slice(0, position).split('\n');
	return ` (line ${lines.length}: ${sql.split('\n')[lines.length - 1].trim()})`;
}

/** Runs one file in a transaction; a failure names the file and the line. */
async function apply(client: pg.ClientBase, name: string, sql: string) {
	await client.query('begin');
	try {
		await client.query(sql);
		await client.query('commit');
	} catch (error) {
		await client.query('rollback');
		throw new Error(`${name} failed: ${(error as Error).message}${locate(sql, error)}`);
	}
}

const serverUrl = inject('ownerUrl');
const database = `koe_supabase_${randomBytes(6).toString('hex')}`;
let owner: pg.Client;

/**
 * One query as an API role with these claims, as PostgREST runs a request (and
 * Realtime, which also sets realtime.topic, authorises a channel).
 */
async function asRole<T extends pg.QueryResultRow>(
	role: 'anon' | 'authenticated',
	claims: Record<string, unknown>,
	sql: string,
	params: unknown[] = [],
	settings: Record<string, string> = {}
) {
	await owner.query('begin');
	try {
		await owner.query(`set local role ${role}`);
		await owner.query("select set_config('request.jwt.claims', $1, true)", [
			JSON.stringify({ role, ...claims })
		]);
		for (const [name, value] of Object.entries(settings)) {
			await owner.query('select set_config($1, $2, true)', [name, value]);
		}
		return (await owner.query<T>(sql, params)).rows;
	} finally {
		await owner.query('rollback');
	}
}

beforeAll(async () => {
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	try {
		await admin.query(`
			do $$ begin
				create role ${OWNER} nologin nosuperuser createrole bypassrls;
			exception when duplicate_object then null;
			end $$`);
		await admin.query(`create database ${database} owner ${OWNER}`);
	} finally {
		await admin.end();
	}
	const platform = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
	await platform.connect();
	try {
		await platform.query('set client_min_messages = warning');
		await platform.query(`set koe.migration_role = '${OWNER}'`);
		const shape = fs.readFileSync(fileURLToPath(new URL('supabase-shape.sql', import.meta.url)));
		await apply(platform, 'supabase-shape.sql', shape.toString('utf8'));
	} finally {
		await platform.end();
	}
	// A new session, so that the database's search_path (with extensions) applies.
	owner = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
	await owner.connect();
	await owner.query('set client_min_messages = warning');
	await owner.query(`set role ${OWNER}`);
});

afterAll(async () => {
	await owner?.end();
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`drop database if exists ${database} with (force)`);
	// Still used by another run's database on a shared server: leave it then.
	await admin.query(`drop role if exists ${OWNER}`).catch(() => {});
	await admin.end();
});

describe('Koe on a Supabase-shaped database', () => {
	it('applies every migration in order, as a non-superuser owner, without sql-mode', async () => {
		const files = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.sql'));
		expect(files.length).toBeGreaterThan(0);
		for (const file of files.sort()) {
			await apply(owner, file, fs.readFileSync(path.join(migrationsDir, file), 'utf8'));
		}
		const { rows } = await owner.query<{ current_user: string; superuser: string }>(
			"select current_user, current_setting('is_superuser') as superuser"
		);
		expect(rows[0]).toEqual({ current_user: OWNER, superuser: 'off' });
	});

	it('applies supabase/seed.sql', async () => {
		await apply(owner, 'seed.sql', fs.readFileSync(path.join(root, 'supabase/seed.sql'), 'utf8'));
	});

	it('holds the demo organisation, its strata and its published surveys', async () => {
		const { rows } = await owner.query<{ slug: string; status: string; version: number }>(`
			select s.slug, s.status, v.version
			from public.surveys s
			join public.organizations o on o.id = s.org_id
			join public.survey_versions v on v.id = s.published_version_id
			where o.slug = 'mine' and v.published_at is not null
			order by s.slug`);
		expect(rows).toEqual([
			{ slug: 'mine-2026', status: 'open', version: 1 },
			{ slug: 'question-types', status: 'open', version: 1 }
		]);
		const strata = await owner.query<{ districts: number; age_groups: number }>(`
			select (select count(*)::int from public.districts) as districts,
			       (select count(*)::int from public.age_groups) as age_groups`);
		expect(strata.rows[0]).toEqual({ districts: 8, age_groups: 6 });
	});

	it('holds 300 demo responses, counted in the rollups', async () => {
		const { rows } = await owner.query<{ responses: number; rolled_up: number }>(`
			select (select count(*)::int from public.responses where is_demo) as responses,
			       (select sum(n)::int from public.rollup_responses) as rolled_up`);
		expect(rows[0]).toEqual({ responses: 300, rolled_up: 300 });
	});

	it('gives each demo account a Supabase Auth user, an email identity and its role', async () => {
		const { rows } = await owner.query<{ email: string; role: string; identities: number }>(`
			select u.email, m.role::text, count(i.id)::int as identities
			from auth.users u
			join public.memberships m on m.user_id = u.id
			left join auth.identities i on i.user_id = u.id and i.provider = 'email'
			where u.aud = 'authenticated' and u.confirmed_at is not null
			  and u.raw_app_meta_data ->> 'provider' = 'email'
			group by u.email, m.role order by u.email`);
		expect(rows).toEqual(
			demoAccounts
				.map((a) => ({ email: a.email, role: a.role, identities: 1 }))
				.sort((a, b) => a.email.localeCompare(b.email))
		);
	});

	it('stores the demo password as bcrypt that crypt verifies', async () => {
		const [account] = demoAccounts;
		const { rows } = await owner.query<{ right: boolean; wrong: boolean; hash: string }>(
			`select encrypted_password = crypt($2, encrypted_password) as right,
			        encrypted_password = crypt('not the password', encrypted_password) as wrong,
			        encrypted_password as hash
			 from auth.users where email = $1`,
			[account.email, account.password]
		);
		expect(rows[0]).toMatchObject({ right: true, wrong: false });
		expect(rows[0].hash).toMatch(/^\$2[aby]\$10\$/);
	});

	it('keeps draft surveys from anon, and shows them to the organisation’s staff', async () => {
		await owner.query(`
			insert into public.surveys (org_id, slug, title)
			select id, 'draft-only', '{"ja": "下書き"}' from public.organizations where slug = 'mine'`);
		const anon = await asRole<{ slug: string }>(
			'anon',
			{},
			'select slug from public.surveys order by slug'
		);
		expect(anon.map((r) => r.slug)).toEqual(['mine-2026', 'question-types']);
		const anonResponses = await asRole<{ n: number }>(
			'anon',
			{},
			'select count(*)::int as n from public.responses'
		);
		expect(anonResponses[0].n).toBe(0);

		const { rows } = await owner.query<{ id: string; email: string }>(
			'select id, email from auth.users where email = $1',
			[demoAccounts[0].email]
		);
		const admin = await asRole<{ slug: string }>(
			'authenticated',
			{ sub: rows[0].id, email: rows[0].email, aud: 'authenticated' },
			'select slug from public.surveys order by slug'
		);
		expect(admin.map((r) => r.slug)).toEqual(['draft-only', 'mine-2026', 'question-types']);
	});

	it('has row-level security on every table in public, which Supabase grants to anon', async () => {
		const { rows } = await owner.query<{ name: string }>(`
			select c.relname as name from pg_class c
			where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
			  and not c.relrowsecurity
			order by 1`);
		expect(rows).toEqual([]);
	});

	it('broadcasts each demo response on the survey’s private channel, for its staff only', async () => {
		const { rows: surveys } = await owner.query<{ id: string }>(
			"select id from public.surveys where slug = 'mine-2026'"
		);
		const topic = `survey:${surveys[0].id}`;
		const { rows: users } = await owner.query<{ id: string; email: string }>(
			'select id, email from auth.users'
		);
		/** How many of the channel's messages this caller may receive. */
		const received = async (role: 'anon' | 'authenticated', email?: string) => {
			const user = users.find((u) => u.email === email);
			const claims = user ? { sub: user.id, email: user.email, aud: 'authenticated' } : {};
			const rows = await asRole<{ n: number }>(
				role,
				claims,
				'select count(*)::int as n from realtime.messages where topic = $1',
				[topic],
				{ 'realtime.topic': topic }
			);
			return rows[0].n;
		};
		// One client, so one caller at a time.
		const byRole: Record<string, number> = {};
		for (const account of demoAccounts) {
			byRole[account.role] = await received('authenticated', account.email);
		}
		expect(byRole).toEqual({ admin: 300, editor: 300, analyst: 300, data_entry: 0 });
		expect(await received('anon')).toBe(0);
	});

	it('grants the API roles exactly what the SQL modes grant, despite Supabase’s defaults', async () => {
		const privileges = `
			select format('function %s(%s)', p.proname, pg_get_function_identity_arguments(p.oid)) as object,
			       r.rolname as role, has_function_privilege(r.oid, p.oid, 'execute') as allowed
			from pg_proc p cross join pg_roles r
			where p.pronamespace = 'public'::regnamespace and r.rolname in ('anon', 'authenticated')
			  and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
			union all
			select format('table %s %s', c.relname, x.privilege), r.rolname,
			       has_table_privilege(r.oid, c.oid, x.privilege)
			from pg_class c cross join pg_roles r
			cross join unnest(array['select', 'insert', 'update', 'delete', 'truncate']) x(privilege)
			where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v', 'p')
			  and r.rolname in ('anon', 'authenticated')`;
		type Row = { object: string; role: string; allowed: boolean };
		const keyed = (rows: Row[]) => new Map(rows.map((r) => [`${r.object} ${r.role}`, r.allowed]));
		const supabase = keyed((await owner.query<Row>(privileges)).rows);
		const sqlMode = new pg.Client({ connectionString: withDatabase(serverUrl, TEMPLATE) });
		await sqlMode.connect();
		const sql = keyed((await sqlMode.query<Row>(privileges).finally(() => sqlMode.end())).rows);
		const shared = [...sql.keys()].filter((key) => supabase.has(key));
		expect(shared.length).toBeGreaterThan(200);
		expect(shared.filter((key) => supabase.get(key) !== sql.get(key))).toEqual([]);
	});

	it('broadcasts with realtime.send as Supabase Realtime does', async () => {
		await owner.query("select realtime.send('{\"survey\": 1}', 'response', 'test-topic')");
		const { rows } = await owner.query<{ event: string; private: boolean; has_id: boolean }>(
			`select event, private, payload ? 'id' as has_id
			 from realtime.messages where topic = 'test-topic'`
		);
		expect(rows).toEqual([{ event: 'response', private: true, has_id: true }]);
	});
});
