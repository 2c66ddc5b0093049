// The database's own ceiling for submissions: the function the app calls
// (public.submit_response), called straight over 32 connections in the same
// request context the app sets up (one transaction, `set local role anon`, the
// claims), with the same kind of answers, and nothing of HTTP or SvelteKit.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * @param {{ appUrl: string, surveyId: string, versionId: string, connections: number,
 *   warmupMs: number, measureMs: number, nextAnswers: () => import('./answers.js').Answers }} options
 * @returns {Promise<{ submissions: number, seconds: number, latencies: number[] }>}
 */
export async function submitCeiling(options) {
	const { appUrl, surveyId, versionId, connections, warmupMs, measureMs, nextAnswers } = options;
	const pool = new pg.Pool({ connectionString: appUrl, max: connections });
	const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
	const started = performance.now();
	const from = started + warmupMs;
	const until = from + measureMs;
	/** @type {number[]} */
	const latencies = [];
	/** @param {pg.PoolClient} client */
	const submitOne = async (client) => {
		const answers = nextAnswers();
		const t0 = performance.now();
		await client.query('begin');
		await client.query('set local role anon');
		await client.query("select set_config('request.jwt.claims', $1, true)", [
			JSON.stringify({ role: 'anon' })
		]);
		await client.query('select public.submit_response($1, $2, $3, $4::jsonb, $5, $6)', [
			surveyId,
			versionId,
			randomUUID(),
			JSON.stringify(answers),
			'ja',
			null
		]);
		await client.query('commit');
		const t1 = performance.now();
		if (t1 >= from && t1 < until) latencies.push(t1 - t0);
	};
	try {
		await Promise.all(
			clients.map(async (client) => {
				while (performance.now() < until) await submitOne(client);
			})
		);
	} finally {
		for (const client of clients) client.release();
		await pool.end();
	}
	return { submissions: latencies.length, seconds: measureMs / 1000, latencies };
}
