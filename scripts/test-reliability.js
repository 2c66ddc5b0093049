// npm run test:reliability: exactly-once submission under concurrency and
// retries, recovery from crashes, and fuzzed malformed form posts, against the
// production build on a fresh embedded database (docs/reliability.md).
// `--short` is the version `npm test` runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../bench/lib/koe-server.js';
import { ensureBuild } from './lib/build.js';
import { crashRounds } from './reliability/crash.js';
import { exactlyOnce } from './reliability/exactly-once.js';
import { fuzz, fuzzSeed } from './reliability/fuzz.js';
import { startKoe } from './reliability/koe.js';
import { createSurvey } from './reliability/setup.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const short = process.argv.includes('--short');
const sizes = short
	? { submissions: 1_000, crashes: 1, perRound: 400, fuzz: 500 }
	: { submissions: 20_000, crashes: 5, perRound: 1_000, fuzz: 10_000 };
const CLIENTS = 32;
const log = (/** @type {string} */ line) => console.log(line);

ensureBuild(log);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koe-reliability-'));
const logFile = path.join(dataDir, 'koe.log');
const port = await freePort();
// Every client comes from 127.0.0.1: without this the answer rate limit (per
// address) would refuse most of the load.
const env = { KOE_SUBMIT_RATE_LIMIT: '1000000000' };
const start = () => startKoe({ root, dataDir, port, logFile, env, log });

/** @type {string[]} */
const found = [];
const began = Date.now();
let koe = await start();
let failed = true;
try {
	log(`Reliability (${short ? 'short' : 'full'}) on ${koe.baseUrl}, data in ${dataDir}`);
	const coded = await createSurvey(koe.ownerUrl, { slug: 'reliability', codes: sizes.submissions });
	const open = await createSurvey(koe.ownerUrl, { slug: 'reliability-open', codes: 0 });
	const crashSurvey = await createSurvey(koe.ownerUrl, {
		slug: 'reliability-crash',
		codes: sizes.crashes * sizes.perRound
	});

	log('1. Exactly once');
	const once = await exactlyOnce({
		baseUrl: koe.baseUrl,
		ownerUrl: koe.ownerUrl,
		survey: coded,
		count: sizes.submissions,
		clients: CLIENTS,
		log
	});
	found.push(...once.found.map((p) => `exactly once: ${p}`));

	log(`3. Fuzz (seed ${fuzzSeed()}; KOE_FUZZ_SEED overrides)`);
	const fuzzed = await fuzz({
		baseUrl: koe.baseUrl,
		ownerUrl: koe.ownerUrl,
		surveys: [open, coded],
		runs: sizes.fuzz,
		log
	});
	found.push(...fuzzed.found.map((p) => `fuzz: ${p}`));
	await koe.stop();

	log('2. Crash');
	const crashed = await crashRounds({
		start,
		survey: crashSurvey,
		rounds: sizes.crashes,
		perRound: sizes.perRound,
		clients: CLIENTS,
		log
	});
	found.push(...crashed.found.map((p) => `crash: ${p}`));
	failed = found.length > 0;
} finally {
	await koe.stop();
	if (!failed) fs.rmSync(dataDir, { recursive: true, force: true });
}
const minutes = ((Date.now() - began) / 60_000).toFixed(1);
if (found.length) {
	console.error(
		`\n✖ Reliability: ${found.length} problems (${minutes} min; data kept in ${dataDir})`
	);
	for (const problem of found.slice(0, 50)) console.error(`  - ${problem}`);
	process.exit(1);
}
log(`\n✔ Reliability checks passed in ${minutes} min`);
