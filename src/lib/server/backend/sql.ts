/** The backend for the embedded and DATABASE_URL modes: SQL in the request context. */
import type pg from 'pg';
import type { Claims } from '$lib/server/db/context';
import type { Backend } from './types';
import { authOf } from './sql/auth';
import { builderOf } from './sql/builder';
import { auditOf, membersOf, staffOf } from './sql/members';
import { responsesOf } from './sql/responses';
import { resultsOf } from './sql/results';
import { createRunner } from './sql/runner';
import { surveysOf } from './sql/surveys';

export function createSqlBackend(pool: pg.Pool, claims: Claims | null): Backend {
	const runner = createRunner(pool, claims);
	return {
		auth: authOf(runner),
		surveys: surveysOf(runner),
		responses: responsesOf(runner),
		results: resultsOf(runner),
		staff: staffOf(runner),
		builder: builderOf(runner),
		members: membersOf(runner),
		audit: auditOf(runner),
		health: () =>
			runner.anonymous(async (q) => (await q('select 1 as ok')).length === 1).catch(() => false)
	};
}
