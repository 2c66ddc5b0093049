// src/lib/database.types.ts must be what the migrations produce, and what they
// produce must say what the SQL says.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../src/lib/server/testing/database';
import { generateDatabaseTypes, typesFile } from './db-types.js';

/** @type {import('../../src/lib/server/testing/database').TestDatabase} */
let db;
let generated = '';

beforeAll(async () => {
	db = await createTestDatabase();
	generated = await generateDatabaseTypes(db.owner);
});
afterAll(() => db.drop());

/**
 * The members of the object type at `path` inside `Database`: name → first
 * line, e.g. `label` → `label?: string | null;`. Relies on the generator's
 * prettier output: one member per line, nesting shown by tabs.
 * @param {string} text
 * @param {...string} path
 */
function members(text, ...path) {
	const lines = text.split('\n');
	let at = lines.indexOf('export type Database = {');
	for (const [depth, key] of path.entries()) {
		const end = lines.indexOf(`${'\t'.repeat(depth)}};`, at);
		at = lines.indexOf(`${'\t'.repeat(depth + 1)}${key}: {`, at);
		if (at < 0 || at > end)
			throw new Error(`no ${path.slice(0, depth + 1).join('.')} in the types`);
	}
	const indent = '\t'.repeat(path.length + 1);
	/** @type {Map<string, string>} */
	const found = new Map();
	for (const line of lines.slice(at + 1)) {
		if (!line.startsWith(indent.slice(1)) || line === `${indent.slice(1)}};`) break;
		const name = /^(\w+)\??: /.exec(line.slice(indent.length))?.[1];
		if (line[indent.length] !== '\t' && name) found.set(name, line.trim());
	}
	return found;
}

/** @param {string} sql */
async function rows(sql) {
	/** @type {import('pg').QueryResult<Record<string, string>>} */
	const result = await db.owner.query(sql);
	return result.rows;
}

describe('src/lib/database.types.ts', () => {
	it('is what the migrations generate', () => {
		const checkedIn = fs.existsSync(typesFile) ? fs.readFileSync(typesFile, 'utf8') : '';
		expect(
			checkedIn,
			'src/lib/database.types.ts does not match supabase/migrations: run `npm run db:types` and commit the result'
		).toBe(generated);
	});

	it("gives submit_response the SQL function's argument names, optional where they have defaults", async () => {
		const [fn] = await rows(
			`select pg_get_function_arguments(p.oid) as args from pg_proc p
			 where p.oid = 'public.submit_response'::regproc`
		);
		const expected = fn.args
			.split(', ')
			.map((arg) => `${arg.split(' ')[0]}${/ DEFAULT /.test(arg) ? '?' : ''}`);
		const args = members(generated, 'public', 'Functions', 'submit_response', 'Args');
		expect([...args.values()].map((line) => line.split(':')[0])).toEqual(expected);
		expect(args.get('p_answers')).toBe('p_answers: Json;');
	});

	it('types every nullable table column `| null` and no other', async () => {
		const columns = await rows(
			`select c.table_name, c.column_name, c.is_nullable from information_schema.columns c
			 join information_schema.tables t using (table_schema, table_name)
			 where c.table_schema = 'public' and t.table_type = 'BASE TABLE'`
		);
		expect(columns.length).toBeGreaterThan(20);
		for (const column of columns) {
			const row = members(generated, 'public', 'Tables', column.table_name, 'Row');
			const line = row.get(column.column_name);
			expect(line, `${column.table_name}.${column.column_name}`).toBeDefined();
			expect(line?.endsWith(' | null;'), `${column.table_name}.${column.column_name}`).toBe(
				column.is_nullable === 'YES'
			);
		}
	});
});

describe('generateDatabaseTypes', () => {
	it('covers views, composite types, overloads and OUT parameters, and leaves out machinery', async () => {
		await db.owner.query(`
			create type public.point_pair as (a int, b text[]);
			create table public.gen_example (
				id bigint generated always as identity primary key,
				label text not null,
				label_length int generated always as (length(label)) stored,
				tags text[]
			);
			create view public.gen_labels as select id, label from public.gen_example;
			create function public.gen_over(p_a int) returns int language sql as 'select 1';
			create function public.gen_over(p_a text, p_b int default 2) returns int language sql as 'select 2';
			create function public.gen_out(p_x int, out total bigint, out pair public.point_pair)
				language sql as 'select 1::bigint, null::public.point_pair';
			create function public.gen_rows() returns setof public.gen_example language sql
				as 'select * from public.gen_example';
			create function public.gen_unnamed(int) returns int language sql as 'select 1';
			create function public.gen_trigger() returns trigger language plpgsql
				as 'begin return new; end';
		`);
		const types = await generateDatabaseTypes(db.owner);

		expect(members(types, 'public', 'Tables', 'gen_example', 'Insert')).toEqual(
			new Map([
				['id', 'id?: never;'],
				['label', 'label: string;'],
				['label_length', 'label_length?: never;'],
				['tags', 'tags?: string[] | null;']
			])
		);
		expect(members(types, 'public', 'Views', 'gen_labels', 'Row')).toEqual(
			new Map([
				['id', 'id: number | null;'],
				['label', 'label: string | null;']
			])
		);
		expect(members(types, 'public', 'CompositeTypes', 'point_pair')).toEqual(
			new Map([
				['a', 'a: number | null;'],
				['b', 'b: string[] | null;']
			])
		);
		expect(types).toMatch(/gen_over:\s*\|\s*{\s*Args: {\s*p_a: number;\s*};/);
		expect(types).toMatch(/Args: {\s*p_a: string;\s*p_b\?: number;\s*};/);
		expect(types).toMatch(
			/gen_out: {\s*Args: {\s*p_x: number;\s*};\s*Returns: {\s*total: number;\s*pair: Database\['public'\]\['CompositeTypes'\]\['point_pair'\];\s*};/
		);
		expect(types).toMatch(/gen_rows: {\s*Args: never;\s*Returns: {\s*id: number;\s*label: string;/);
		expect(types).not.toMatch(/gen_unnamed|gen_trigger|\bcrypt\b|gen_salt/);
	});
});
