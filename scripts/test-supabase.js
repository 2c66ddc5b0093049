// npm run test:supabase: the Playwright suite against a real Supabase project.
// Opt-in: without PUBLIC_SUPABASE_URL and a publishable key it says so and passes.
// With them, it checks that the project holds the demo (supabase/seed.sql),
// starts the production build in Supabase mode on a free port and points
// Playwright at it through KOE_E2E_BASE_URL. The suite writes to the project
// (surveys, members, responses): use a project you can reset.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './lib/browser.js';
import { ensureBuild } from './lib/build.js';
import { demoAccounts } from './lib/seed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const url = process.env.PUBLIC_SUPABASE_URL;
// The same choice as the app (src/lib/server/supabase/client.ts).
const anonKey = process.env.PUBLIC_SUPABASE_PUBLISHABLE_KEY || process.env.PUBLIC_SUPABASE_ANON_KEY;
const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY;

if (!url || !anonKey) {
	console.log(
		'skipped: no Supabase project configured (set PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY or PUBLIC_SUPABASE_PUBLISHABLE_KEY and, for the seed checks, SUPABASE_SERVICE_ROLE_KEY)'
	);
	process.exit(0);
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
	console.error(`✖ ${message}`);
	process.exit(1);
}

/**
 * Headers for a Supabase API key. Legacy keys are JWTs and also go in
 * Authorization; the newer sb_publishable_/sb_secret_ keys go in apikey only.
 * @param {string} key
 * @returns {Record<string, string>}
 */
function keyHeaders(key) {
	return key.startsWith('eyJ') ? { apikey: key, authorization: `Bearer ${key}` } : { apikey: key };
}

/**
 * @param {string} pathAndQuery
 * @param {string} key
 * @returns {Promise<unknown>}
 */
async function getJson(pathAndQuery, key) {
	const response = await fetch(new URL(pathAndQuery, url), { headers: keyHeaders(key) }).catch(
		(/** @type {Error} */ error) => fail(`cannot reach ${url}: ${error.message}`)
	);
	if (!response.ok) fail(`${pathAndQuery}: ${response.status} ${await response.text()}`);
	return response.json();
}

/** The suite signs in as the demo staff and answers the demo survey: both must be there. */
async function checkDemo() {
	const open = /** @type {{ slug: string }[]} */ (
		await getJson('/rest/v1/surveys?select=slug&slug=eq.mine-2026', anonKey ?? '')
	);
	if (open.length === 0) {
		fail(
			'the demo survey is not in this project: seed it (supabase db reset, or psql -f supabase/seed.sql)'
		);
	}
	if (!serviceKey) {
		console.log('Demo staff accounts not checked (SUPABASE_SERVICE_ROLE_KEY is unset)');
		return;
	}
	const { users } = /** @type {{ users: { email?: string, email_confirmed_at?: string }[] }} */ (
		await getJson('/auth/v1/admin/users?page=1&per_page=1000', serviceKey)
	);
	const confirmed = new Set(users.filter((u) => u.email_confirmed_at).map((u) => u.email));
	const missing = demoAccounts.filter((a) => !confirmed.has(a.email)).map((a) => a.email);
	if (missing.length > 0) fail(`demo staff missing or unconfirmed: ${missing.join(', ')}`);
}

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(address.port));
		});
	});
}

/**
 * @param {string} health
 * @param {import('node:child_process').ChildProcess} server
 */
async function waitUntilUp(health, server) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) fail(`the server exited with code ${server.exitCode}`);
		try {
			if ((await fetch(health)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	fail(`${health} did not answer within 60 s`);
}

await checkDemo();
if (!findChromium()) fail('no Chromium for Playwright: install one or set KOE_CHROMIUM');
ensureBuild((line) => console.log(line));

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
/** @type {NodeJS.ProcessEnv} */
const serverEnv = {
	...process.env,
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN: origin,
	// The same budgets as playwright.config.ts gives its own server.
	KOE_SUBMIT_RATE_LIMIT: '300',
	KOE_SIGNIN_RATE_LIMIT: '1000'
};
// Supabase mode: the app must not find a database of its own.
delete serverEnv.DATABASE_URL;
delete serverEnv.KOE_APP_DATABASE_URL;
// Requests run with the user's session; the service-role key stays out of the app.
delete serverEnv.SUPABASE_SERVICE_ROLE_KEY;

console.log(`Starting Koe in Supabase mode at ${origin} (${url})`);
const server = spawn(process.execPath, [path.join(root, 'build/index.js')], {
	cwd: root,
	env: serverEnv,
	stdio: ['ignore', 'ignore', 'inherit']
});
process.on('exit', () => server.kill());
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => process.exit(130));
}
await waitUntilUp(`${origin}/api/health`, server);

const playwright = spawnSync(
	path.join(root, 'node_modules/.bin/playwright'),
	['test', ...process.argv.slice(2)],
	{
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, KOE_E2E_BASE_URL: origin }
	}
);
process.exit(playwright.status ?? 1);
