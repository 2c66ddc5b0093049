/**
 * Calls a function in `public` the way PostgREST does for `POST /rpc/<fn>`:
 * the overload is chosen by argument names, JSON arguments are cast to the
 * declared types through `json_to_record`, and the result comes back as JSON
 * (an array for set-returning functions, an object for a single row, else the
 * value). The SQL modes and the contract tests' PostgREST both use it, so a
 * renamed function or argument fails the same way in every mode.
 */
import type pg from 'pg';
import type { Query } from '../db/context';
import { RpcError } from './types';

interface Signature {
	/** input arguments in declaration order */
	args: { name: string; type: string; optional: boolean }[];
	returns: 'set' | 'row' | 'value' | 'void';
}

type Catalogue = Map<string, Signature[]>;

// Function signatures change only with a migration, so each process reads them
// once per pool (and again when a name is missing, in case one was just added).
// A failed read is forgotten, so the next call tries again.
const catalogues = new WeakMap<object, Promise<Catalogue>>();

const catalogueSql = `
select p.proname as name,
       coalesce(p.proargnames, '{}') as names,
       coalesce(p.proargmodes::text[], '{}') as modes,
       array(select format_type(t, null) from unnest(p.proargtypes::oid[]) t) as types,
       p.pronargdefaults as defaults,
       p.proretset as retset,
       p.prorettype = 'void'::regtype as void,
       p.prorettype = 'record'::regtype or rt.typtype = 'c' as composite
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type rt on rt.oid = p.prorettype
where n.nspname = 'public' and p.prokind = 'f'`;

interface CatalogueRow {
	name: string;
	names: string[];
	modes: string[];
	types: string[];
	defaults: number;
	retset: boolean;
	void: boolean;
	composite: boolean;
}

async function readCatalogue(query: Query): Promise<Catalogue> {
	const rows = await query<CatalogueRow>(catalogueSql);
	const catalogue: Catalogue = new Map();
	for (const row of rows) {
		// Names of input arguments only: OUT and TABLE columns are results.
		const inputNames = row.modes.length
			? row.names.filter((_, i) => ['i', 'b', 'v'].includes(row.modes[i]))
			: row.names;
		if (inputNames.length !== row.types.length || inputNames.some((n) => !n)) continue;
		const firstOptional = row.types.length - row.defaults;
		const signature: Signature = {
			args: row.types.map((type, i) => ({
				name: inputNames[i],
				type,
				optional: i >= firstOptional
			})),
			returns: row.retset ? 'set' : row.void ? 'void' : row.composite ? 'row' : 'value'
		};
		catalogue.set(row.name, [...(catalogue.get(row.name) ?? []), signature]);
	}
	return catalogue;
}

async function signatureOf(
	pool: pg.Pool,
	query: Query,
	fn: string,
	given: string[]
): Promise<Signature> {
	const fits = (s: Signature) =>
		given.every((name) => s.args.some((a) => a.name === name)) &&
		s.args.every((a) => a.optional || given.includes(a.name));
	for (const fresh of [false, true]) {
		// Read on the caller's own connection (the catalogue is public): asking the pool
		// for a second one could wait forever when every connection is a request
		// waiting for this.
		if (fresh || !catalogues.has(pool)) catalogues.set(pool, readCatalogue(query));
		const catalogue = catalogues.get(pool);
		const found = (
			await catalogue?.catch((error: unknown) => {
				if (catalogues.get(pool) === catalogue) catalogues.delete(pool);
				throw error;
			})
		)
			?.get(fn)
			?.find(fits);
		if (found) return found;
	}
	throw new RpcError({
		code: 'PGRST202',
		message: `Could not find the function public.${fn}(${[...given].sort().join(', ')}) in the schema cache`
	});
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A call's statement: its one parameter (the arguments as JSON) is `argument`. */
export interface PreparedCall {
	sql(argument: string): string;
	/** the arguments as JSON text, or null when the function takes none */
	json: string | null;
	returns: Signature['returns'];
}

/** Finds the function's overload (reading the catalogue with `query` if needed) and writes its statement. */
export async function prepareCall(
	pool: pg.Pool,
	query: Query,
	fn: string,
	args: Record<string, unknown>
): Promise<PreparedCall> {
	const given = Object.keys(args);
	const signature = await signatureOf(pool, query, fn, given);
	const used = signature.args.filter((a) => given.includes(a.name));
	const call = `public.${ident(fn)}(${used.map((a) => `${ident(a.name)} => _a.${ident(a.name)}`).join(', ')})`;
	// The arguments as one JSON parameter, typed by the function's own declaration.
	const source = (argument: string) =>
		used.length
			? `json_to_record(${argument}::json) as _a(${used.map((a) => `${ident(a.name)} ${a.type}`).join(', ')})`
			: '';
	const sql = (argument: string) => {
		const from = source(argument);
		return {
			set: `select coalesce(json_agg(_r), '[]') as v from (select _f.* from ${from ? `${from}, ` : ''}${call} _f) _r`,
			row: `select to_json(_f) as v from ${from ? `${from}, ` : ''}${call} _f`,
			value: `select to_json(${call}) as v${from ? ` from ${from}` : ''}`,
			void: `select ${call}${from ? ` from ${from}` : ''}`
		}[signature.returns];
	};
	return { sql, json: used.length ? JSON.stringify(args) : null, returns: signature.returns };
}

/** The call's result from the rows its statement returned. */
export function resultOf(prepared: PreparedCall, rows: { v?: unknown }[]): unknown {
	return prepared.returns === 'void' ? null : (rows[0]?.v ?? null);
}

/** Runs the call with `query`, already inside the caller's transaction; `pool` keys the catalogue. */
export async function callFunction(
	pool: pg.Pool,
	query: Query,
	fn: string,
	args: Record<string, unknown>
): Promise<unknown> {
	const prepared = await prepareCall(pool, query, fn, args);
	const rows = await query<{ v: unknown }>(
		prepared.sql('$1'),
		prepared.json === null ? [] : [prepared.json]
	);
	return resultOf(prepared, rows);
}
