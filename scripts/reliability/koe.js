// Koe as a deployment runs it (`node scripts/start.js`: production build,
// embedded PostgreSQL, migrations, demo seed), on a data folder that survives
// restarts, so that a crash can be followed by a start on the same data.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../bench/lib/koe-server.js';

const HEALTH_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;

// Variables that would point Koe at another database or skip the demo.
const OTHER_SETUPS = /^(DATABASE_URL|KOE_APP_DATABASE_URL|KOE_NO_DEMO|(PUBLIC_)?SUPABASE_\w+)$/;

/** @typedef {{ baseUrl: string, ownerUrl: string, crash: () => Promise<void>, stop: () => Promise<void> }} Koe */

/** @param {string} dataDir */
export function ownerUrl(dataDir) {
	/** @type {unknown} */
	const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, 'cluster.json'), 'utf8'));
	const config = /** @type {{ password: string, port: number }} */ (parsed);
	return `postgres://postgres:${config.password}@127.0.0.1:${config.port}/postgres`;
}

/** @param {string} dataDir @returns {number | null} */
function postmasterPid(dataDir) {
	try {
		const pid = Number(
			fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]
		);
		const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
		return pid > 0 && command.includes(dataDir) ? pid : null;
	} catch {
		return null;
	}
}

/** The processes whose parent is `pid` (PostgreSQL's backends and workers). */
function childrenOf(/** @type {number} */ pid) {
	/** @type {number[]} */
	const children = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			// the command may contain spaces; the fields after its closing paren do not
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === pid) children.push(Number(entry));
		} catch {
			// gone meanwhile
		}
	}
	return children;
}

/** @param {number} pid */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** @param {number[]} pids */
async function waitGone(pids, ms = STOP_TIMEOUT_MS) {
	const deadline = Date.now() + ms;
	while (pids.some(alive) && Date.now() < deadline) await sleep(50);
	return !pids.some(alive);
}

/**
 * Starts Koe on `dataDir` (created on first use, kept afterwards) and waits for
 * /api/health. `port` keeps the address stable across restarts.
 * @param {{ root: string, dataDir: string, port?: number, logFile: string, env?: Record<string, string>, log: (line: string) => void }} options
 * @returns {Promise<Koe>}
 */
export async function startKoe({ root, dataDir, port, logFile, env = {}, log }) {
	port ??= await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const output = fs.openSync(logFile, 'a');
	const child = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
		cwd: root,
		env: {
			...Object.fromEntries(Object.entries(process.env).filter(([n]) => !OTHER_SETUPS.test(n))),
			KOE_DATA_DIR: dataDir,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseUrl,
			...env
		},
		stdio: ['ignore', output, output]
	});
	fs.closeSync(output);
	// an object, so that the checks below see the exit handler's change
	const ended = { reason: /** @type {string | null} */ (null) };
	const exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => {
			ended.reason = signal ? `signal ${signal}` : `exit code ${code}`;
			resolve(null);
		})
	);

	/** Stops PostgreSQL if start.js could not (it was killed, or hung). */
	const stopPostgres = async () => {
		const pid = postmasterPid(dataDir);
		if (pid === null) return;
		if (await waitGone([pid], 3_000)) return;
		process.kill(pid, 'SIGINT'); // fast shutdown
		if (!(await waitGone([pid]))) log(`Warning: PostgreSQL (pid ${pid}) did not stop`);
	};

	const deadline = Date.now() + HEALTH_TIMEOUT_MS;
	for (;;) {
		const problem = ended.reason
			? `Koe stopped while starting (${ended.reason})`
			: Date.now() > deadline
				? `Koe was not healthy within ${HEALTH_TIMEOUT_MS / 1000} s`
				: null;
		if (problem) {
			child.kill('SIGKILL');
			await stopPostgres();
			throw new Error(`${problem}; see ${logFile}`);
		}
		try {
			const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
			if (response.status === 200) break;
		} catch {
			// not listening yet
		}
		await sleep(200);
	}

	let done = false;
	// Ctrl-C or a CI timeout: take Koe and its database down too.
	const onSignal = () => {
		void koe.stop().finally(() => process.exit(130));
	};
	const release = () => {
		done = true;
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	};
	/** @type {Koe} */
	const koe = {
		baseUrl,
		ownerUrl: ownerUrl(dataDir),
		// A power cut, as near as processes get: the server and every PostgreSQL
		// process end at once, nothing shuts down cleanly.
		async crash() {
			if (done) return;
			release();
			const postmaster = postmasterPid(dataDir);
			const backends = postmaster ? childrenOf(postmaster) : [];
			child.kill('SIGKILL');
			for (const pid of postmaster ? [postmaster, ...backends] : []) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// already gone
				}
			}
			await exited;
			if (!(await waitGone(postmaster ? [postmaster, ...backends] : []))) {
				throw new Error('PostgreSQL processes survived SIGKILL');
			}
		},
		async stop() {
			if (done) return;
			release();
			if (!ended.reason) {
				child.kill('SIGTERM');
				const stopped = await Promise.race([
					exited.then(() => true),
					sleep(STOP_TIMEOUT_MS, false)
				]);
				if (!stopped) child.kill('SIGKILL');
			}
			await stopPostgres();
		}
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	return koe;
}
