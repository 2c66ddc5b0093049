// Starts Koe the way a deployment does (`node scripts/start.js`: production
// build, embedded PostgreSQL, migrations, demo seed) on a fresh data folder,
// and stops it again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const HEALTH_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;
const POSTGRES_GRACE_MS = 3_000;

/** @typedef {{ baseUrl: string, logFile: string, dataDir: string, stop: () => Promise<void> }} KoeServer */

/** @returns {Promise<number>} a TCP port that was free a moment ago */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

// Variables that would point Koe at another database or skip the demo survey:
// the bench always measures a fresh embedded database with the demo in it.
const OTHER_SETUPS = /^(DATABASE_URL|KOE_APP_DATABASE_URL|KOE_NO_DEMO|(PUBLIC_)?SUPABASE_\w+)$/;

/** @param {NodeJS.ProcessEnv} env */
function embeddedOnly(env) {
	return Object.fromEntries(Object.entries(env).filter(([name]) => !OTHER_SETUPS.test(name)));
}

/** @param {string} file */
function tail(file, lines = 25) {
	if (!fs.existsSync(file)) return '';
	return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * @param {string} url
 * @param {() => string | null} exited the reason the server stopped early, if it did
 */
async function waitForHealth(url, exited) {
	const deadline = Date.now() + HEALTH_TIMEOUT_MS;
	while (Date.now() < deadline) {
		const reason = exited();
		if (reason) throw new Error(`Koe stopped before it was healthy (${reason})`);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
			if (response.status === 200) return;
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
	throw new Error(`GET ${url} did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

/**
 * The postmaster this run started, if it is still running: its pid is in the
 * data folder, and its command line names that folder (pids get reused).
 * @param {string} dataDir
 */
function runningPostmaster(dataDir) {
	try {
		const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
		const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
		const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		return pid > 0 && command.includes('postgres') && command.includes(dataDir) ? pid : null;
	} catch {
		return null; // no pid file, or the process is gone
	}
}

/**
 * PostgreSQL runs as a grandchild. Give it a moment to finish the shutdown that
 * start.js began; when it is still running after that (start.js died before it
 * could stop the cluster), stop it: fast shutdown, its clients are gone.
 * @param {string} dataDir
 * @param {(line: string) => void} log
 */
async function stopPostgres(dataDir, log) {
	const started = Date.now();
	let signalled = false;
	for (let pid = runningPostmaster(dataDir); pid; pid = runningPostmaster(dataDir)) {
		const waited = Date.now() - started;
		if (waited > STOP_TIMEOUT_MS) {
			log(`Warning: PostgreSQL (pid ${pid}) on ${dataDir} did not stop`);
			return;
		}
		if (!signalled && waited > POSTGRES_GRACE_MS) {
			process.kill(pid, 'SIGINT');
			signalled = true;
		}
		await sleep(100);
	}
}

/**
 * @param {{ root: string, dataDir: string, logFile: string, log: (line: string) => void }} options
 * @returns {Promise<KoeServer>}
 */
export async function startKoe({ root, dataDir, logFile, log }) {
	fs.rmSync(dataDir, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const output = fs.openSync(logFile, 'w');
	const child = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
		cwd: root,
		env: {
			...embeddedOnly(process.env),
			KOE_DATA_DIR: dataDir,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseUrl,
			// The bench's phones all come from 127.0.0.1; each tells its own address,
			// as a load balancer would, so the per-client rate limit (which stays on)
			// counts each resident apart instead of refusing the whole crowd.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		},
		stdio: ['ignore', output, output]
	});
	fs.closeSync(output);

	/** @type {string | null} */
	let exitReason = null;
	/** @type {Promise<number | null>} */
	const exited = new Promise((resolve) => {
		child.once('exit', (code, signal) => {
			exitReason = signal ? `signal ${signal}` : `exit code ${code}`;
			resolve(code);
		});
	});

	const shortLog = path.relative(root, logFile);
	const shutDown = async () => {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		if (exitReason === null) {
			child.kill('SIGTERM');
			const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS, false)]);
			if (!stopped) {
				log(`Koe did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it`);
				child.kill('SIGKILL');
			}
			// A clean shutdown exits 0; anything else is worth a look, though it
			// does not change what was measured.
			const code = await exited;
			if (code !== 0) log(`Warning: Koe ended with ${exitReason} when stopped (see ${shortLog})`);
		}
		await stopPostgres(dataDir, log);
	};
	/** @type {Promise<void> | undefined} */
	let stopping;
	const stop = () => (stopping ??= shutDown());
	// Interrupted (Ctrl-C, a CI timeout): take Koe and its database down too.
	const onSignal = () => {
		log('Interrupted; stopping Koe');
		void stop().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);

	log(`Starting Koe on ${baseUrl} (log: ${shortLog})`);
	const started = Date.now();
	try {
		await waitForHealth(`${baseUrl}/api/health`, () => exitReason);
	} catch (error) {
		await stop();
		const message = error instanceof Error ? error.message : String(error);
		throw new Error(`${message}\n--- last lines of ${shortLog} ---\n${tail(logFile)}`);
	}
	log(`Koe is healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return { baseUrl, logFile, dataDir, stop };
}
