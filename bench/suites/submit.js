// Residents submitting at once: 32 phones without JavaScript answer the whole
// demo questionnaire over HTTP (every page's form post, then 送信する), against
// the database's own ceiling for the same submissions in the same run.
import { setTimeout as sleep } from 'node:timers/promises';
import { demoDefinition, demoSurvey } from '../../scripts/lib/demo-survey.js';
import { benchDatabase, connect, publishedSurvey } from '../lib/database.js';
import { describe, round1, summarize } from '../lib/stats.js';
import { fullAnswers, random } from '../submit/answers.js';
import { submitCeiling } from '../submit/ceiling.js';
import { runLoad } from '../submit/load.js';
import { describeWrites, perResponse, snapshot } from '../submit/writes.js';

/** @type {Record<string, import('../lib/suite.js').Target>} */
export const targets = {
	submit_rps: { min: 1000 },
	submit_p99_ms: { max: 100 },
	submit_share_of_ceiling: { min: 0.5 }
};

const CLIENTS = 32;
const SEED = 2026;
const measureMs = Number(process.env.KOE_BENCH_SUBMIT_SECONDS ?? 20) * 1000;
const warmupMs = 5_000;
// Idle backends report their statistics within 10 s (PostgreSQL's
// PGSTAT_IDLE_INTERVAL); wait that long before counting what was written.
const STATS_SETTLE_MS = 11_000;

/**
 * @param {import('../lib/suite.js').BenchContext} ctx
 * @returns {Promise<import('../lib/suite.js').SuiteResult>}
 */
export async function run(ctx) {
	const db = benchDatabase(ctx.dataDir);
	const owner = await connect(db.ownerUrl);
	try {
		const { surveyId, versionId } = await publishedSurvey(owner, demoSurvey.slug);
		const before = await snapshot(owner, surveyId);

		ctx.log(
			`HTTP: ${CLIENTS} phones, ${warmupMs / 1000} s warm-up, ${measureMs / 1000} s measured`
		);
		const httpRand = random(SEED);
		const http = await runLoad({
			baseUrl: ctx.baseUrl,
			slug: demoSurvey.slug,
			clients: CLIENTS,
			warmupMs,
			measureMs,
			nextAnswers: () => fullAnswers(demoDefinition, httpRand)
		});
		if (http.submissions === 0) throw new Error(`no submission completed: ${http.failures[0]}`);
		const submit = summarize(http.latencies.submit);
		const page = summarize(http.latencies.page);
		const open = summarize(http.latencies.open);
		const thanks = summarize(http.latencies.thanks);
		const rps = http.submissions / http.seconds;
		ctx.log(
			`${http.submissions} submissions, ${rps.toFixed(1)}/s; submit POST ${describe(submit)}`
		);

		await sleep(STATS_SETTLE_MS);
		const cost = perResponse(before, await snapshot(owner, surveyId));

		ctx.log(`SQL: ${CLIENTS} connections calling public.submit_response`);
		const sqlRand = random(SEED);
		const ceiling = await submitCeiling({
			appUrl: db.appUrl,
			surveyId,
			versionId,
			connections: CLIENTS,
			warmupMs: 3_000,
			measureMs,
			nextAnswers: () => fullAnswers(demoDefinition, sqlRand)
		});
		const ceilingRps = ceiling.submissions / ceiling.seconds;
		const sql = summarize(ceiling.latencies);
		ctx.log(`${ceiling.submissions} submissions, ${ceilingRps.toFixed(1)}/s; ${describe(sql)}`);

		/** @type {{ rows: { n: string }[] }} */
		const cells = await owner.query(
			`select (select count(*) from public.rollup_counts where survey_id = $1)
			      + (select count(*) from public.rollup_breakdowns where survey_id = $1)
			      + (select count(*) from public.rollup_responses where survey_id = $1)
			      + (select count(*) from public.rollup_numbers where survey_id = $1) as n`,
			[surveyId]
		);
		const responses = (await snapshot(owner, surveyId)).responses;
		const pagesPerSubmission =
			http.latencies.page.length / Math.max(1, http.latencies.submit.length);

		return {
			metrics: {
				submit_rps: round1(rps),
				submit_p50_ms: submit.p50,
				submit_p99_ms: submit.p99,
				submit_page_post_p50_ms: page.p50,
				submit_page_post_p99_ms: page.p99,
				submit_sql_ceiling_rps: round1(ceilingRps),
				submit_sql_p99_ms: sql.p99,
				submit_share_of_ceiling: Math.round((rps / ceilingRps) * 1000) / 1000,
				submit_rows_written_per_response: round1(
					Object.values(cost.tables).reduce((n, t) => n + t.ins + t.upd + t.del, 0)
				),
				submit_transactions_per_response: round1(cost.commits)
			},
			notes: [
				`submit: ${CLIENTS} phones without JavaScript, each resident opening /s/${demoSurvey.slug}, posting every page (about ${pagesPerSubmission.toFixed(1)} before the last), then 送信する and the thanks page; ${http.submissions.toLocaleString('en-US')} submissions in ${http.seconds} s after ${warmupMs / 1000} s of warm-up${http.failures.length ? `, ${http.failures.length} failed (${http.failures[0]})` : ''}.`,
				`submit: final POST ${describe(submit)}; page POSTs ${describe(page)}; opening the survey ${describe(open)}; thanks page ${describe(thanks)}.`,
				`submit: the SQL ceiling is public.submit_response over ${CLIENTS} connections in the app's request context (transaction, role anon, claims), the same answer sequence: ${describe(sql)}.`,
				`submit: per response over HTTP, rows written ${describeWrites(cost)} (+ inserted, ~ updated, - deleted; drafts saved per page included) and ${cost.commits} committed transactions.`,
				`submit: after the run the survey has ${responses.toLocaleString('en-US')} responses in ${Number(cells.rows[0].n).toLocaleString('en-US')} rollup rows, which is what a dashboard reads.`
			]
		};
	} finally {
		await owner.end();
	}
}
