// TypeScript types for the `public` schema, read from the PostgreSQL catalogue
// in the shape `supabase gen types typescript` emits, so that
// `createClient<Database>()` types tables, views and `.rpc()` calls. The
// Supabase CLI needs a Supabase server; this needs only a migrated database.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
/** @import pg from 'pg' */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const typesFile = path.join(root, 'src/lib/database.types.ts');

const SCHEMA = 'public';

/** @typedef {Pick<pg.ClientBase, 'query'>} Queryable a pg Client, Pool or PoolClient */
/** @typedef {{ oid: number, name: string, schema: string, kind: string, category: string, elem: number, base: number, relid: number, labels: string[] }} PgType */
/** @typedef {{ oid: number, name: string, kind: string, updatable: boolean }} Relation */
/** @typedef {{ rel: number, name: string, type: number, nullable: boolean, hasDefault: boolean, identity: string, generated: string, updatable: boolean }} Column */
/** @typedef {{ name: string, identity: string, returnsSet: boolean, returnType: number, argTypes: number[], argModes: string[] | null, argNames: string[] | null, defaults: number }} PgFunction */
/** @typedef {{ name: string, table: number, columns: string[], referencedTable: number, referencedColumns: string[], oneToOne: boolean }} ForeignKey */

// Objects an extension installed into public (pgcrypto in the SQL modes) are
// not ours; Supabase keeps extensions in their own schema.
const notFromExtension = (/** @type {string} */ catalog, /** @type {string} */ oid) =>
	`not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass
	  and d.objid = ${oid} and d.deptype = 'e')`;

const queries = {
	types: `
		select t.oid::int as oid, t.typname as name, n.nspname as schema, t.typtype as kind,
			t.typcategory as category, t.typelem::int as elem, t.typbasetype::int as base,
			t.typrelid::int as relid,
			coalesce((select array_agg(e.enumlabel::text order by e.enumsortorder)
				from pg_enum e where e.enumtypid = t.oid), '{}') as labels
		from pg_type t join pg_namespace n on n.oid = t.typnamespace`,
	relations: `
		select c.oid::int as oid, c.relname as name, c.relkind as kind,
			c.relkind = 'v' and (pg_relation_is_updatable(c.oid, false) & 20) = 20 as updatable
		from pg_class c
		where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p', 'f', 'v', 'm', 'c')
			and ${notFromExtension('pg_class', 'c.oid')}`,
	columns: `
		select a.attrelid::int as rel, a.attname as name, a.atttypid::int as type,
			not a.attnotnull as nullable, a.atthasdef as "hasDefault", a.attidentity as identity,
			a.attgenerated as generated,
			coalesce(pg_column_is_updatable(a.attrelid, a.attnum, false), false) as updatable
		from pg_attribute a join pg_class c on c.oid = a.attrelid
		where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p', 'f', 'v', 'm', 'c')
			and a.attnum > 0 and not a.attisdropped`,
	functions: `
		select p.proname as name, pg_get_function_identity_arguments(p.oid) as identity,
			p.proretset as "returnsSet", p.prorettype::int as "returnType",
			coalesce(p.proallargtypes, p.proargtypes::oid[])::int[] as "argTypes",
			p.proargmodes::text[] as "argModes", p.proargnames as "argNames",
			p.pronargdefaults as defaults
		from pg_proc p
		where p.pronamespace = $1::regnamespace and p.prokind = 'f'
			and ${notFromExtension('pg_proc', 'p.oid')}`,
	foreignKeys: `
		select k.conname as name, k.conrelid::int as table, k.confrelid::int as "referencedTable",
			array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i)
				join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
			array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i)
				join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)
				as "referencedColumns",
			exists (select 1 from pg_index x where x.indrelid = k.conrelid and x.indisunique
				and x.indpred is null and x.indkey::int2[] @> k.conkey and x.indkey::int2[] <@ k.conkey)
				as "oneToOne"
		from pg_constraint k
		where k.contype = 'f' and k.connamespace = $1::regnamespace`
};

// Pseudo-types that mark a function as machinery rather than an API (trigger
// functions, handlers, functions over `internal`).
const machinery = new Set([
	'trigger',
	'event_trigger',
	'internal',
	'cstring',
	'language_handler',
	'fdw_handler',
	'index_am_handler',
	'table_am_handler',
	'tsm_handler'
]);

const scalars = /** @type {Record<string, string>} */ ({
	bool: 'boolean',
	int2: 'number',
	int4: 'number',
	int8: 'number',
	float4: 'number',
	float8: 'number',
	numeric: 'number',
	oid: 'number',
	json: 'Json',
	jsonb: 'Json',
	void: 'undefined',
	record: 'Record<string, unknown>'
});
const strings = new Set(
	'bpchar char varchar text citext name uuid bytea date time timetz timestamp timestamptz interval inet cidr macaddr macaddr8 money tsvector tsquery xml bit varbit vector'.split(
		' '
	)
);

/**
 * Sorts by a key with plain code-unit order: the same on every machine and locale.
 * @template T
 * @param {(x: T) => string} key
 * @returns {(a: T, b: T) => number}
 */
function by(key) {
	return (a, b) => {
		const x = key(a);
		const y = key(b);
		return x < y ? -1 : x > y ? 1 : 0;
	};
}

const q = (/** @type {string} */ s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const withNull = (/** @type {string} */ t) => (t === 'unknown' ? t : `${t} | null`);
const arrayOf = (/** @type {string} */ t) =>
	t.includes('|') && !t.startsWith('{') ? `(${t})[]` : `${t}[]`;
// A line break after `{` keeps prettier from joining short objects onto one
// line, so that a new column changes one line of the file, not a whole object.
const objectOf = (/** @type {string[]} */ members) =>
	members.length ? `{\n${members.join(';\n')}\n}` : 'Record<string, never>';
const recordOf = (/** @type {string[]} */ entries) =>
	entries.length ? `{\n${entries.join(';\n')}\n}` : '{\n[_ in never]: never\n}';

/**
 * Catalogue rows sorted by name, so that the output does not depend on plans.
 * @param {Queryable} client
 * @param {string} sql
 */
async function select(client, sql) {
	/** @type {pg.QueryResult<Record<string, unknown>>} */
	const result = await client.query(sql, sql.includes('$1') ? [SCHEMA] : []);
	return result.rows.sort(by((row) => String(row.name)));
}

/** @param {Queryable} client */
async function readCatalogue(client) {
	// One query after another: a pg.Client must not be given overlapping queries.
	const types = /** @type {PgType[]} */ (await select(client, queries.types));
	return {
		types: new Map(types.map((t) => [t.oid, t])),
		relations: /** @type {Relation[]} */ (await select(client, queries.relations)),
		columns: /** @type {Column[]} */ (await select(client, queries.columns)),
		functions: /** @type {PgFunction[]} */ (await select(client, queries.functions)),
		foreignKeys: /** @type {ForeignKey[]} */ (await select(client, queries.foreignKeys))
	};
}

/** @param {Awaited<ReturnType<typeof readCatalogue>>} cat */
function render(cat) {
	const relation = new Map(cat.relations.map((r) => [r.oid, r]));
	const columnsOf = (/** @type {number} */ oid) => cat.columns.filter((c) => c.rel === oid);

	/** @param {number} oid @returns {string} */
	function tsType(oid) {
		const type = cat.types.get(oid);
		if (!type) return 'unknown';
		if (type.category === 'A' && type.elem) return arrayOf(tsType(type.elem));
		if (type.kind === 'd') return tsType(type.base);
		const own = type.schema === SCHEMA;
		if (type.kind === 'e') {
			return own
				? `Database['${SCHEMA}']['Enums'][${q(type.name)}]`
				: type.labels.map(q).join(' | ');
		}
		if (type.kind === 'c') {
			const rel = relation.get(type.relid);
			if (!own || !rel) return 'unknown';
			if (rel.kind === 'c') return `Database['${SCHEMA}']['CompositeTypes'][${q(rel.name)}]`;
			const group = rel.kind === 'v' || rel.kind === 'm' ? 'Views' : 'Tables';
			return `Database['${SCHEMA}']['${group}'][${q(rel.name)}]['Row']`;
		}
		if (type.schema !== 'pg_catalog' && type.name !== 'citext') return 'unknown';
		return scalars[type.name] ?? (strings.has(type.name) ? 'string' : 'unknown');
	}

	/** @param {Column} c */
	const columnType = (c) => (c.nullable ? withNull(tsType(c.type)) : tsType(c.type));
	const rowOf = (/** @type {number} */ oid) =>
		objectOf(columnsOf(oid).map((c) => `${q(c.name)}: ${columnType(c)}`));

	/** Insert and Update: what PostgreSQL lets a client write, optional where it has a default. */
	function writes(/** @type {Relation} */ rel) {
		const isView = rel.kind === 'v';
		/** @param {Column} c @param {boolean} optional */
		const member = (c, optional) =>
			(isView ? !c.updatable : c.identity === 'a' || c.generated !== '')
				? `${q(c.name)}?: never`
				: `${q(c.name)}${optional ? '?' : ''}: ${isView ? withNull(tsType(c.type)) : columnType(c)}`;
		const columns = columnsOf(rel.oid);
		const insert = columns.map((c) =>
			member(c, isView || c.nullable || c.hasDefault || !!c.identity)
		);
		const update = columns.map((c) => member(c, true));
		return [`Insert: ${objectOf(insert)}`, `Update: ${objectOf(update)}`];
	}

	/** Foreign keys between relations of this schema, for supabase-js's embedded selects. */
	function relationships(/** @type {Relation} */ rel) {
		const fks = cat.foreignKeys
			.filter((fk) => fk.table === rel.oid && relation.has(fk.referencedTable))
			.map((fk) =>
				objectOf([
					`foreignKeyName: ${q(fk.name)}`,
					`columns: [${fk.columns.map(q).join(', ')}]`,
					`isOneToOne: ${fk.oneToOne}`,
					`referencedRelation: ${q(relation.get(fk.referencedTable)?.name ?? '')}`,
					`referencedColumns: [${fk.referencedColumns.map(q).join(', ')}]`
				])
			);
		return `Relationships: [${fks.join(', ')}]`;
	}

	/** @param {Relation} rel */
	const relationType = (rel) =>
		objectOf([
			`Row: ${rowOf(rel.oid)}`,
			...(rel.kind === 'm' || (rel.kind === 'v' && !rel.updatable) ? [] : writes(rel)),
			relationships(rel)
		]);

	/** @param {PgFunction} fn */
	const argumentsOf = (fn) => {
		const modes = fn.argModes ?? fn.argTypes.map(() => 'i');
		return fn.argTypes.map((type, i) => ({ type, mode: modes[i], name: fn.argNames?.[i] ?? '' }));
	};
	const isInput = (/** @type {{ mode: string }} */ a) => ['i', 'b', 'v'].includes(a.mode);

	/** Args and Returns as supabase-js reads them for `.rpc()`. */
	function signature(/** @type {PgFunction} */ fn) {
		const args = argumentsOf(fn);
		const inputs = args.filter(isInput);
		const outputs = args.filter((a) => ['o', 'b', 't'].includes(a.mode));
		const firstDefault = inputs.length - fn.defaults;
		const params = inputs.map(
			(a, i) => `${q(a.name)}${i >= firstDefault ? '?' : ''}: ${tsType(a.type)}`
		);
		const type = cat.types.get(fn.returnType);
		const rel = type?.schema === SCHEMA ? relation.get(type.relid) : undefined;
		let returns;
		if (type?.name === 'record' && outputs.length) {
			returns = objectOf(outputs.map((a) => `${q(a.name)}: ${tsType(a.type)}`));
		} else if (rel && rel.kind !== 'c') {
			returns = rowOf(rel.oid);
		} else {
			returns = tsType(fn.returnType);
		}
		return objectOf([
			`Args: ${params.length ? objectOf(params) : 'never'}`,
			`Returns: ${fn.returnsSet ? arrayOf(returns) : returns}`
		]);
	}

	/** Callable through `.rpc()`: named arguments, no trigger or internal types. */
	function isApi(/** @type {PgFunction} */ fn) {
		const args = argumentsOf(fn);
		const types = [fn.returnType, ...fn.argTypes].map((oid) => cat.types.get(oid)?.name ?? '');
		return args.every((a) => !isInput(a) || a.name) && !types.some((t) => machinery.has(t));
	}

	/** @type {Map<string, PgFunction[]>} overloads share a name */
	const functions = new Map();
	for (const fn of cat.functions.filter(isApi).sort(by((f) => `${f.name}(${f.identity})`))) {
		functions.set(fn.name, [...(functions.get(fn.name) ?? []), fn]);
	}
	const enums = [...cat.types.values()]
		.filter((t) => t.schema === SCHEMA && t.kind === 'e')
		.sort(by((t) => t.name));
	const ofKind = (/** @type {string[]} */ kinds) =>
		cat.relations.filter((r) => kinds.includes(r.kind));

	const schema = objectOf([
		`Tables: ${recordOf(ofKind(['r', 'p', 'f']).map((t) => `${q(t.name)}: ${relationType(t)}`))}`,
		`Views: ${recordOf(ofKind(['v', 'm']).map((v) => `${q(v.name)}: ${relationType(v)}`))}`,
		`Functions: ${recordOf(
			[...functions].map(([name, fns]) => `${q(name)}: ${fns.map(signature).join(' | ')}`)
		)}`,
		`Enums: ${recordOf(enums.map((e) => `${q(e.name)}: ${e.labels.map(q).join(' | ')}`))}`,
		`CompositeTypes: ${recordOf(
			ofKind(['c']).map(
				(c) =>
					`${q(c.name)}: ${objectOf(columnsOf(c.oid).map((a) => `${q(a.name)}: ${withNull(tsType(a.type))}`))}`
			)
		)}`
	]);
	const constants = enums.map((e) => `${q(e.name)}: [${e.labels.map(q).join(', ')}]`);

	return `// Generated by \`npm run db:types\` from the SQL in supabase/ (sql-mode, then
// migrations). Do not edit: change the SQL, then run \`npm run db:types\` again.

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	${q(SCHEMA)}: ${schema};
};

type Schema = Database[${q(SCHEMA)}];
type TablesAndViews = Schema['Tables'] & Schema['Views'];

export type Tables<T extends keyof TablesAndViews> = TablesAndViews[T]['Row'];
export type TablesInsert<T extends keyof Schema['Tables']> = Schema['Tables'][T]['Insert'];
export type TablesUpdate<T extends keyof Schema['Tables']> = Schema['Tables'][T]['Update'];
export type Enums<T extends keyof Schema['Enums']> = Schema['Enums'][T];
export type CompositeTypes<T extends keyof Schema['CompositeTypes']> = Schema['CompositeTypes'][T];

export const Constants = {
	${q(SCHEMA)}: { Enums: { ${constants.join(', ')} } }
} as const;
`;
}

/**
 * The contents of src/lib/database.types.ts for the database `client` is
 * connected to, formatted with the repository's prettier settings.
 * @param {Queryable} client a pg Client or Pool connected to a migrated database
 * @returns {Promise<string>}
 */
export async function generateDatabaseTypes(client) {
	const source = render(await readCatalogue(client));
	const options = (await prettier.resolveConfig(typesFile, { editorconfig: true })) ?? {};
	return prettier.format(source, { ...options, filepath: typesFile, parser: 'typescript' });
}
