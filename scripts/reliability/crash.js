// Crash: Koe and its PostgreSQL are killed (SIGKILL, all processes at once) while
// residents submit; after the restart every acknowledged submission must be
// there, and the rollups must still match the answers. Submissions whose reply
// was lost in the crash are sent again with the same idempotency key, as a phone
// would, and must then be stored exactly once.
import { randomUUID } from 'node:crypto';
import { problems, readStored } from './checks.js';
import { isAck, pool, postForm, submission } from './form.js';

/**
 * @param {{ start: () => Promise<import('./koe.js').Koe>, survey: import('./setup.js').TestSurvey, rounds: number, perRound: number, clients: number, log: (line: string) => void }} options
 */
export async function crashRounds({ start, survey, rounds, perRound, clients, log }) {
	/** @type {Set<string>} */
	const acked = new Set();
	/** @type {string[]} */
	const found = [];
	let nextCode = 0;
	let koe = await start();
	let lostReplies = 0;
	const restarts = [];
	try {
		for (let round = 1; round <= rounds; round++) {
			/** @type {{ marker: string, body: string }[]} */
			const unknown = [];
			let crashed = false;
			let roundAcks = 0;
			// the crash comes somewhere in the middle of the round's load
			const crashAfter = Math.floor(perRound * (0.2 + Math.random() * 0.5));
			/** @type {Promise<void> | undefined} */
			let crashing;
			const current = koe;
			await pool(perRound, clients, async () => {
				if (crashed) return;
				const marker = `c${round}-${randomUUID()}`;
				const body = submission(survey.versionId, survey.codes[nextCode++], marker);
				try {
					const reply = await postForm(current.baseUrl, survey.slug, body);
					if (isAck(reply, survey.slug)) {
						acked.add(marker);
						if (++roundAcks === crashAfter) {
							crashed = true;
							crashing = current.crash();
						}
					} else if (crashed) unknown.push({ marker, body });
					else found.push(`round ${round}: HTTP ${reply.status} before the crash`);
				} catch {
					unknown.push({ marker, body }); // the reply was lost: stored or not, we cannot tell
				}
			});
			if (!crashed) {
				crashed = true;
				crashing = current.crash();
			}
			await crashing;
			lostReplies += unknown.length;
			const down = Date.now();
			koe = await start();
			const recovery = (Date.now() - down) / 1000;
			restarts.push(recovery);
			const afterCrash = await readStored(koe.ownerUrl, survey.id);
			const roundProblems = problems(afterCrash, acked, { codes: true, exact: false });
			found.push(...roundProblems.map((p) => `round ${round}, after the restart: ${p}`));
			// The phones whose reply was lost send again.
			for (const { marker, body } of unknown) {
				const reply = await postForm(koe.baseUrl, survey.slug, body);
				if (isAck(reply, survey.slug)) acked.add(marker);
				else found.push(`round ${round}: a resent submission got HTTP ${reply.status}`);
			}
			log(
				`  crash ${round}/${rounds}: killed after ${roundAcks} acknowledged (of ${acked.size} so far), ` +
					`${unknown.length} replies lost and resent; back in ${recovery.toFixed(1)} s; ` +
					`${afterCrash.responses} stored after restart, ${roundProblems.length} problems`
			);
		}
		const final = await readStored(koe.ownerUrl, survey.id);
		found.push(
			...problems(final, acked, { codes: true, exact: true }).map((p) => `at the end: ${p}`)
		);
		log(`  after ${rounds} crashes: ${acked.size} acknowledged, ${final.responses} stored`);
		return { found, acked: acked.size, stored: final.responses, lostReplies, restarts };
	} finally {
		await koe.stop();
	}
}
