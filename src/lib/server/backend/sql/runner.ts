import type pg from 'pg';
import { inRequestContext, type Claims, type Query } from '$lib/server/db/context';

/** Runs work as the caller (`run`) or as an anonymous visitor (`anonymous`). */
export interface Runner {
	run: <T>(work: (query: Query) => Promise<T>) => Promise<T>;
	anonymous: <T>(work: (query: Query) => Promise<T>) => Promise<T>;
	claims: Claims | null;
}

export function createRunner(pool: pg.Pool, claims: Claims | null): Runner {
	return {
		run: (work) => inRequestContext(pool, claims, work),
		anonymous: (work) => inRequestContext(pool, null, work),
		claims
	};
}

/** bigint counts arrive as strings; the app wants numbers. */
export const counted = <R extends { n: string | number }>(rows: R[]) =>
	rows.map((row) => ({ ...row, n: Number(row.n) }));
