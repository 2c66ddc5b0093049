// Many phones answering at once: `clients` phones, each answering the whole
// questionnaire again and again (a new resident each time: a new session, a
// new client address) until the measured window ends. Only what finishes
// inside the window counts.
import { Agent } from 'undici';
import { answerSurvey, phoneAddress } from './phone.js';

/** @typedef {import('./phone.js').Step} Step */

/**
 * @param {{ baseUrl: string, slug: string, clients: number, warmupMs: number, measureMs: number,
 *   nextAnswers: () => import('./answers.js').Answers }} options
 * @returns {Promise<{ submissions: number, seconds: number, started: number,
 *   latencies: Record<Step, number[]>, failures: string[] }>}
 */
export async function runLoad(options) {
	const { baseUrl, slug, clients, warmupMs, measureMs, nextAnswers } = options;
	// One keep-alive connection per phone, as a phone keeps its own.
	const dispatcher = new Agent({ connections: clients, pipelining: 1 });
	const started = performance.now();
	const from = started + warmupMs;
	const until = from + measureMs;
	/** @type {Record<Step, number[]>} */
	const latencies = { open: [], page: [], submit: [], thanks: [] };
	/** @type {string[]} */
	const failures = [];
	let residents = 0;
	let submissions = 0;
	const phone = async () => {
		while (performance.now() < until) {
			const address = phoneAddress(++residents);
			try {
				const timings = await answerSurvey({ baseUrl, slug, address, dispatcher }, nextAnswers());
				for (const t of timings) {
					if (t.end >= from && t.end < until) {
						latencies[t.step].push(t.ms);
						if (t.step === 'submit') submissions++;
					}
				}
			} catch (error) {
				failures.push(error instanceof Error ? error.message : String(error));
				if (failures.length > 20)
					throw new Error(`too many failures: ${failures.slice(0, 3).join('; ')}`);
			}
		}
	};
	try {
		await Promise.all(Array.from({ length: clients }, phone));
	} finally {
		await dispatcher.close();
	}
	return { submissions, seconds: measureMs / 1000, started, latencies, failures };
}
