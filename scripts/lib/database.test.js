// The embedded cluster's life cycle: created, stopped, killed, started again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { queryOnce } from './query.js';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbedded } from './database.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koe-lifecycle-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The server's remaining child processes (pgrep exits 1 when there are none). */
function processesUsing(/** @type {string} */ dir) {
	try {
		return execFileSync('pgrep', ['-f', dir], { encoding: 'utf8' })
			.split('\n')
			.filter(Boolean)
			.map(Number);
	} catch {
		return [];
	}
}

describe('the embedded PostgreSQL cluster', () => {
	it('keeps its data across a clean stop and a crash (stale postmaster.pid)', async () => {
		const lines = /** @type {string[]} */ ([]);
		const first = await startEmbedded({ dataDir, port: 55501, log: (l) => lines.push(l) });
		expect(lines.join('\n')).toMatch(/Creating the embedded PostgreSQL cluster/);
		await queryOnce(first.ownerUrl, 'create table kept (n int); insert into kept values (42)');
		await first.stop();
		expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

		await startEmbedded({ dataDir, port: 55501, log: () => {} });
		const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
		const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
		// A crash: the server dies without cleaning up, leaving its pid file behind.
		process.kill(pid, 'SIGKILL');
		await new Promise((resolve) => setTimeout(resolve, 500));
		for (const child of processesUsing(dataDir)) {
			try {
				process.kill(child, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		expect(fs.existsSync(pidFile)).toBe(true);

		const recovered = /** @type {string[]} */ ([]);
		const third = await startEmbedded({ dataDir, port: 55501, log: (l) => recovered.push(l) });
		expect(recovered.join('\n')).toMatch(/stale postmaster.pid/);
		expect(await queryOnce(third.ownerUrl, 'select n from kept')).toEqual([{ n: 42 }]);
		await third.stop();
	}, 60_000);
});
