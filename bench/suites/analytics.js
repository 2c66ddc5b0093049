// What officials wait for with a national-survey-sized result: 1,000,000
// responses in the demo survey, loaded by SQL (bench/analytics/). The cross-tab
// and the dashboard read rollups; the naive query scans the answers.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** @type {Record<string, import('../lib/suite.js').Target>} */
export const targets = {
	crosstab_p95_ms: { max: 20 },
	dashboard_p95_ms: { max: 200 },
	crosstab_speedup_vs_naive: { min: 10 }
};

/**
 * @typedef {{ responses: number, loadSeconds: number, question: string,
 *   crosstab_p95_ms: number, dashboard_p95_ms: number, crosstab_naive_p95_ms: number }} Measured
 */

/**
 * @param {string} text
 * @returns {unknown}
 */
const parseJson = (text) => JSON.parse(text);

/** @returns {Promise<Measured>} the last line measure.js prints */
function measure() {
	return new Promise((resolve, reject) => {
		// vite-node, because the measurement imports the app's TypeScript.
		const child = spawn(
			path.join(root, 'node_modules/.bin/vite-node'),
			['bench/analytics/measure.js'],
			{
				cwd: root,
				stdio: ['ignore', 'pipe', 'inherit']
			}
		);
		let text = '';
		child.stdout.on('data', (/** @type {Buffer} */ chunk) => (text += chunk.toString()));
		child.on('exit', (code) => {
			if (code !== 0) return reject(new Error(`bench/analytics/measure.js exited ${code}`));
			const measured = /** @type {Measured} */ (parseJson(text.trim().split('\n').pop() ?? ''));
			resolve(measured);
		});
	});
}

/**
 * @param {import('../lib/suite.js').BenchContext} ctx
 * @returns {Promise<import('../lib/suite.js').SuiteResult>}
 */
export async function run(ctx) {
	const result = await measure();
	ctx.log(
		`${result.responses.toLocaleString('en-US')} responses loaded in ${result.loadSeconds} s`
	);
	return {
		metrics: {
			crosstab_p95_ms: result.crosstab_p95_ms,
			dashboard_p95_ms: result.dashboard_p95_ms,
			crosstab_naive_p95_ms: result.crosstab_naive_p95_ms,
			crosstab_speedup_vs_naive:
				Math.round((result.crosstab_naive_p95_ms / result.crosstab_p95_ms) * 10) / 10
		},
		notes: [
			`analytics: ${result.responses.toLocaleString('en-US')} synthetic responses in the demo survey; the cross-tab of "${result.question}" by district × age group as the demo admin, through the app's request path (RLS and suppression included), against a plain GROUP BY over the answers; the dashboard is its page's own load function.`
		]
	};
}
