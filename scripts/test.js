// npm test: the whole gate, in the order that fails fastest: formatting, lint,
// types, unit and database tests, then the reliability checks and the browser
// tests against a production build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { findChromium } from './lib/browser.js';
import { ensureBuild } from './lib/build.js';

/** @param {string} title @param {string} command @param {string[]} args */
function step(title, command, args) {
	console.log(`\n▶ ${title}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
	if (result.status !== 0) {
		console.error(`\n✖ ${title} failed`);
		process.exit(result.status ?? 1);
	}
}

/** Installs a browser when there is none: Debian's Chromium as root, else Playwright's. */
function ensureBrowser() {
	if (findChromium()) return;
	const isRoot = process.getuid?.() === 0;
	if (isRoot && fs.existsSync('/etc/debian_version')) {
		console.log('\n▶ No Chromium found: installing Debian’s chromium package');
		spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
	} else {
		console.log('\n▶ No Chromium found: trying `npx playwright install chromium`');
		spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
	}
	if (!findChromium()) {
		console.error(
			'✖ No browser for the end-to-end tests: install Chromium (e.g. `apt-get install chromium`) or set KOE_CHROMIUM to its path.'
		);
		process.exit(1);
	}
}

const bin = (/** @type {string} */ name) => `node_modules/.bin/${name}`;

// Generated types and tsconfig first: type-aware lint reads them.
step('SvelteKit sync', bin('svelte-kit'), ['sync']);
step('Formatting (prettier)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
step('Lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
step('Types (svelte-check)', bin('svelte-check'), [
	'--tsconfig',
	'./tsconfig.json',
	'--fail-on-warnings',
	'--output',
	'human'
]);
step('Unit and database tests (vitest)', bin('vitest'), ['run']);
ensureBrowser();
console.log('\n▶ Production build');
ensureBuild((line) => console.log(line));
step('Reliability (short: exactly once, a crash, fuzzed forms)', process.execPath, [
	'scripts/test-reliability.js',
	'--short'
]);
step('Browser tests (Playwright, Chromium)', bin('playwright'), ['test']);
console.log('\n✔ All checks passed');
