/**
 * The one way the backend reaches SQL: a named function called with named
 * arguments, as PostgREST exposes it. The SQL modes run it in the request
 * context; the Supabase mode sends it through supabase-js's `.rpc()`.
 */
export type Rpc = <T = unknown>(fn: string, args?: Record<string, unknown>) => Promise<T>;

/** A refusal from SQL, with the fields PostgREST and node-postgres both carry. */
export class RpcError extends Error {
	readonly code: string;
	readonly hint: string | null;
	readonly details: string | null;

	constructor(fields: {
		code?: string;
		message?: string;
		hint?: string | null;
		details?: string | null;
	}) {
		super(fields.message ?? 'database call refused');
		this.name = 'RpcError';
		this.code = fields.code ?? '';
		this.hint = fields.hint ?? null;
		this.details = fields.details ?? null;
	}
}

/** The caller's transport and an anonymous one, for calls anyone may make. */
export interface Transports {
	caller: Rpc;
	anon: Rpc;
}
