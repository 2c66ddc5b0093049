// `npm start` serves the production build; it builds first when the build is
// missing or older than the sources, so a fresh clone needs no extra step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];

/** @param {string} target */
function newestChange(target) {
	const stat = fs.statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of fs.readdirSync(target)) {
		newest = Math.max(newest, newestChange(path.join(target, entry)));
	}
	return newest;
}

export function buildIsCurrent() {
	const marker = path.join(root, 'build/index.js');
	if (!fs.existsSync(marker)) return false;
	const built = fs.statSync(marker).mtimeMs;
	return sources.every(
		(s) => !fs.existsSync(path.join(root, s)) || newestChange(path.join(root, s)) <= built
	);
}

export function ensureBuild(/** @type {(line: string) => void} */ log) {
	if (buildIsCurrent()) return;
	log('Building Koe (production build)…');
	const vite = path.join(root, 'node_modules/vite/bin/vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) throw new Error('the production build failed');
}
