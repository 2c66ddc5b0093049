// What submitting costs the database, counted by PostgreSQL itself: rows
// inserted, updated and deleted per table (pg_stat_user_tables) and committed
// transactions (pg_stat_database), before and after a run, per response stored.

/** @typedef {{ tables: Record<string, { ins: number, upd: number, del: number }>, commits: number, responses: number }} Snapshot */

/**
 * @param {import('pg').Client} owner
 * @param {string} surveyId
 * @returns {Promise<Snapshot>}
 */
export async function snapshot(owner, surveyId) {
	// A fresh view of the statistics, not the one cached for this transaction.
	await owner.query('select pg_stat_clear_snapshot()');
	/** @type {{ rows: { name: string, ins: string, upd: string, del: string }[] }} */
	const { rows } = await owner.query(
		`select schemaname || '.' || relname as name, n_tup_ins as ins, n_tup_upd as upd, n_tup_del as del
		 from pg_stat_user_tables`
	);
	/** @type {{ rows: { commits: string }[] }} */
	const db = await owner.query(
		'select xact_commit as commits from pg_stat_database where datname = current_database()'
	);
	/** @type {{ rows: { n: string }[] }} */
	const responses = await owner.query(
		'select count(*) as n from public.responses where survey_id = $1',
		[surveyId]
	);
	return {
		tables: Object.fromEntries(
			rows.map((r) => [r.name, { ins: Number(r.ins), upd: Number(r.upd), del: Number(r.del) }])
		),
		commits: Number(db.rows[0].commits),
		responses: Number(responses.rows[0].n)
	};
}

/**
 * Per response stored between the two snapshots: each table's rows written
 * (only tables that changed) and the transactions committed.
 * @param {Snapshot} before
 * @param {Snapshot} after
 */
export function perResponse(before, after) {
	const responses = after.responses - before.responses;
	if (responses <= 0) throw new Error('no responses were stored between the snapshots');
	const per = (/** @type {number} */ n) => Math.round((n / responses) * 100) / 100;
	/** @type {Record<string, { ins: number, upd: number, del: number }>} */
	const tables = {};
	for (const [name, now] of Object.entries(after.tables)) {
		const then = before.tables[name] ?? { ins: 0, upd: 0, del: 0 };
		const delta = { ins: now.ins - then.ins, upd: now.upd - then.upd, del: now.del - then.del };
		if (delta.ins || delta.upd || delta.del) {
			tables[name] = { ins: per(delta.ins), upd: per(delta.upd), del: per(delta.del) };
		}
	}
	return { responses, tables, commits: per(after.commits - before.commits) };
}

/** @param {ReturnType<typeof perResponse>} cost "public.answers +38, …" for the notes */
export function describeWrites(cost) {
	return Object.entries(cost.tables)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, t]) => {
			const parts = [];
			if (t.ins) parts.push(`+${t.ins}`);
			if (t.upd) parts.push(`~${t.upd}`);
			if (t.del) parts.push(`-${t.del}`);
			return `${name} ${parts.join(' ')}`;
		})
		.join(', ');
}
