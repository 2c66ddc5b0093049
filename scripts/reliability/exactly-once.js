// Exactly once: many residents at once, some of them on a flaky network that
// sends the same POST again (same idempotency key, sometimes while the first is
// still in flight), and some typing a code that has been used already.
import { randomUUID } from 'node:crypto';
import { problems, readStored } from './checks.js';
import { isAck, pool, postForm, submission } from './form.js';

export const CODE_USED_JA = 'この招待コードでの回答は、すでに受け付けています';

/**
 * @param {{ baseUrl: string, ownerUrl: string, survey: import('./setup.js').TestSurvey, count: number, clients: number, log: (line: string) => void }} options
 */
export async function exactlyOnce({ baseUrl, ownerUrl, survey, count, clients, log }) {
	/** @type {Set<string>} */
	const acked = new Set();
	/** @type {string[]} */
	const usedCodes = [];
	/** @type {string[]} */
	const failures = [];
	const tally = {
		fresh: 0,
		retriedTogether: 0,
		retriedAfter: 0,
		codeReused: 0,
		refused: 0,
		http5xx: 0
	};
	let nextCode = 0;
	const started = Date.now();

	/** @param {import('./form.js').Reply} reply @param {string} what */
	const note = (reply, what) => {
		if (reply.status >= 500) tally.http5xx++;
		if (failures.length < 20)
			failures.push(`${what}: HTTP ${reply.status} ${reply.location ?? ''}`);
	};

	await pool(count, clients, async (i) => {
		const roll = Math.random();
		if (roll < 0.05 && usedCodes.length > 0) {
			// 5 %: a code whose response has been acknowledged, on a new session
			tally.codeReused++;
			const code = usedCodes[Math.floor(Math.random() * usedCodes.length)];
			const body = submission(survey.versionId, code, `reuse-${randomUUID()}`);
			const reply = await postForm(baseUrl, survey.slug, body);
			if (reply.status === 409 && reply.body.includes(CODE_USED_JA)) tally.refused++;
			else note(reply, `re-used code, submission ${i}`);
			return;
		}
		const code = survey.codes[nextCode++];
		const marker = `m-${randomUUID()}`;
		const body = submission(survey.versionId, code, marker);
		/** @type {import('./form.js').Reply[]} */
		let replies;
		if (roll < 0.1) {
			// the same POST twice at once: the first's reply never arrived, the phone resent
			tally.retriedTogether++;
			replies = await Promise.all([0, 1].map(() => postForm(baseUrl, survey.slug, body)));
		} else if (roll < 0.15) {
			tally.retriedAfter++;
			replies = [await postForm(baseUrl, survey.slug, body)];
			replies.push(await postForm(baseUrl, survey.slug, body));
		} else {
			tally.fresh++;
			replies = [await postForm(baseUrl, survey.slug, body)];
		}
		const bad = replies.find((r) => !isAck(r, survey.slug));
		if (bad) note(bad, `submission ${i}`);
		else {
			acked.add(marker);
			usedCodes.push(code);
		}
	});
	const seconds = (Date.now() - started) / 1000;
	const stored = await readStored(ownerUrl, survey.id);
	const found = [...failures, ...problems(stored, acked, { codes: true, exact: true })];
	if (tally.refused !== tally.codeReused) {
		found.push(
			`${tally.codeReused - tally.refused} re-used codes were not refused with the message`
		);
	}
	const posts = count + tally.retriedTogether + tally.retriedAfter;
	log(
		`  ${count} submissions (${posts} POSTs) from ${clients} clients in ${seconds.toFixed(1)} s ` +
			`(${(posts / seconds).toFixed(0)} POST/s): ${acked.size} acknowledged, ${stored.responses} stored; ` +
			`${tally.retriedTogether} resent at once, ${tally.retriedAfter} resent after, ` +
			`${tally.refused}/${tally.codeReused} re-used codes refused (409), ${tally.http5xx} × 5xx`
	);
	return { found, seconds, posts, acked: acked.size, stored: stored.responses, tally };
}
