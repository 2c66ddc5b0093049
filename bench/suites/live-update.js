// How soon an open dashboard hears of a new response: the demo admin's
// dashboard event stream is open while residents submit one at a time; each
// submission is timed from its final POST's response to the event's arrival.
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { demoDefinition, demoSurvey } from '../../scripts/lib/demo-survey.js';
import { demoAccounts } from '../../scripts/lib/seed.js';
import { openEventStream } from '../lib/sse-client.js';
import { signIn } from '../lib/staff.js';
import { describe, summarize } from '../lib/stats.js';
import { fullAnswers, random } from '../submit/answers.js';
import { answerSurvey, phoneAddress } from '../submit/phone.js';

/** @type {Record<string, import('../lib/suite.js').Target>} */
export const targets = {
	live_update_p95_ms: { max: 300 }
};

const SUBMISSIONS = Number(process.env.KOE_BENCH_LIVE_SUBMISSIONS ?? 40);
// A modest rate, slower than the live feed's coalescing, so each response is its own event.
const GAP_MS = 500;
const EVENT_TIMEOUT_MS = 5_000;

/**
 * @param {import('../lib/suite.js').BenchContext} ctx
 * @returns {Promise<import('../lib/suite.js').SuiteResult>}
 */
export async function run(ctx) {
	const admin = demoAccounts.find((a) => a.role === 'admin');
	if (!admin) throw new Error('no demo admin');
	// Addresses of their own (172.16/12), apart from the submit suite's phones.
	const cookie = await signIn(ctx.baseUrl, admin, '172.16.0.1');
	const dashboard = `${ctx.baseUrl}/dashboard/${demoSurvey.slug}`;

	/** @type {((at: number) => void) | null} */
	let waiting = null;
	let ready = false;
	const stream = await openEventStream(`${dashboard}/events`, { cookie }, (event) => {
		if (event.event === 'ready') ready = true;
		if (event.event === 'responses' && waiting) waiting(event.at);
	});
	const dispatcher = new Agent({ connections: 1 });
	/** @type {number[]} */
	const fromResponse = [];
	/** @type {number[]} */
	const fromSend = [];
	/** @type {number[]} */
	const refetch = [];
	// One resident at a time: each request's own cost, without queueing behind others.
	/** @type {number[]} */
	const alonePage = [];
	/** @type {number[]} */
	const aloneSubmit = [];
	try {
		for (let i = 0; i < 50 && !ready; i++) await sleep(100);
		if (!ready) throw new Error('the event stream did not say ready');
		const rand = random(7);
		for (let n = 1; n <= SUBMISSIONS; n++) {
			let sentAt = 0;
			/** @type {Promise<number>} */
			const arrived = new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error('no event within 5 s')), EVENT_TIMEOUT_MS);
				waiting = (at) => {
					clearTimeout(timer);
					waiting = null;
					resolve(at);
				};
			});
			const timings = await answerSurvey(
				{
					baseUrl: ctx.baseUrl,
					slug: demoSurvey.slug,
					address: phoneAddress(0xac1000 + n),
					dispatcher
				},
				fullAnswers(demoDefinition, rand),
				{ beforeSubmit: () => (sentAt = performance.now()) }
			);
			const answeredAt = timings.find((t) => t.step === 'submit')?.end ?? 0;
			for (const t of timings) {
				if (t.step === 'page') alonePage.push(t.ms);
				if (t.step === 'submit') aloneSubmit.push(t.ms);
			}
			const at = await arrived;
			fromResponse.push(at - answeredAt);
			fromSend.push(at - sentAt);
			// What the dashboard does next: fetch its data again.
			const started = performance.now();
			const data = await request(`${dashboard}/__data.json`, { headers: { cookie } });
			await data.body.text();
			if (data.statusCode !== 200)
				throw new Error(`the dashboard data answered ${data.statusCode}`);
			refetch.push(performance.now() - started);
			await sleep(GAP_MS);
		}
	} finally {
		stream.close();
		await dispatcher.close();
	}
	const live = summarize(fromResponse);
	const sent = summarize(fromSend);
	const data = summarize(refetch);
	return {
		metrics: {
			live_update_p95_ms: live.p95,
			live_update_from_send_p95_ms: sent.p95,
			dashboard_refetch_p95_ms: data.p95
		},
		notes: [
			`live-update: ${SUBMISSIONS} submissions one at a time (${GAP_MS} ms apart) while the demo admin's dashboard event stream is open; from the final POST's response to the event: ${describe(live)}; from sending the POST: ${describe(sent)}.`,
			`live-update: one resident at a time, page POSTs ${describe(summarize(alonePage))}; final POST ${describe(summarize(aloneSubmit))}.`,
			`live-update: the dashboard's data fetched again after each event (/dashboard/${demoSurvey.slug}/__data.json): ${describe(data)}.`
		]
	};
}
