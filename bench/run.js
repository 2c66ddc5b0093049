// npm run bench [suite …]: starts Koe once (production build, fresh embedded
// database, demo survey), runs every suite in bench/suites/ against it, writes
// bench/results.json and prints a table of metrics against their targets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../scripts/lib/browser.js';
import { startKoe } from './lib/koe-server.js';
import { formatTable, targetMet } from './lib/report.js';

/** @typedef {import('./lib/suite.js').Suite} Suite */
/** @typedef {import('./lib/suite.js').Target} Target */
/** @typedef {import('@playwright/test').Browser} Browser */

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const workDir = path.join(benchDir, '.work');
const log = (/** @type {string} */ line) => console.log(line);

/**
 * @param {string} name
 * @param {unknown} module
 * @returns {Suite}
 */
function asSuite(name, module) {
	if (typeof module !== 'object' || module === null || !('run' in module)) {
		throw new Error(`bench/suites/${name}.js does not export run(ctx)`);
	}
	if (typeof module.run !== 'function') throw new Error(`run in ${name}.js is not a function`);
	return /** @type {Suite} */ (module);
}

/** @param {string[]} only suite names to run; all when empty */
async function loadSuites(only) {
	const folder = path.join(benchDir, 'suites');
	const names = fs
		.readdirSync(folder)
		.filter((file) => file.endsWith('.js'))
		.map((file) => path.basename(file, '.js'))
		.sort();
	const unknown = only.filter((name) => !names.includes(name));
	if (unknown.length > 0)
		throw new Error(`no such suite: ${unknown.join(', ')} (have ${names.join(', ')})`);
	const chosen = only.length > 0 ? names.filter((name) => only.includes(name)) : names;
	/** @type {{ name: string, suite: Suite }[]} */
	const suites = [];
	for (const name of chosen) {
		const module = /** @type {unknown} */ (
			await import(pathToFileURL(path.join(folder, `${name}.js`)).href)
		);
		suites.push({ name, suite: asSuite(name, module) });
	}
	return suites;
}

function machine() {
	const cpus = os.cpus();
	return {
		cpus: cpus.length,
		cpu_model: cpus[0]?.model.trim() ?? 'unknown',
		memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version
	};
}

/**
 * @param {{ name: string, suite: Suite }[]} suites
 * @param {{ baseUrl: string, dataDir: string }} koe
 * @param {string} executablePath
 */
async function runSuites(suites, { baseUrl, dataDir }, executablePath) {
	/** @type {Record<string, number>} */
	const metrics = {};
	/** @type {Record<string, Target>} */
	const targets = {};
	/** @type {string[]} */
	const notes = [];
	/** @type {string[]} */
	const failures = [];
	for (const { name, suite } of suites) {
		/** @type {Browser[]} */
		const browsers = [];
		const suiteWorkDir = path.join(workDir, name);
		fs.mkdirSync(suiteWorkDir, { recursive: true });
		const started = Date.now();
		log(`\n▶ ${name}`);
		try {
			const result = await suite.run({
				baseUrl,
				dataDir,
				executablePath,
				workDir: suiteWorkDir,
				log: (line) => log(`  ${line}`),
				chromium: async (options = {}) => {
					const browser = await chromium.launch({
						executablePath,
						args: chromiumArgs,
						headless: true,
						...options
					});
					browsers.push(browser);
					return browser;
				}
			});
			for (const [metric, value] of Object.entries(result.metrics)) {
				if (metric in metrics) throw new Error(`metric ${metric} is reported by two suites`);
				metrics[metric] = value;
			}
			Object.assign(targets, suite.targets ?? {});
			notes.push(...(result.notes ?? []));
			log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		} catch (error) {
			failures.push(name);
			console.error(
				`  ✗ ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
			);
		} finally {
			await Promise.all(browsers.map((browser) => browser.close()));
		}
	}
	return { metrics, targets, notes, failures };
}

async function main() {
	const started = Date.now();
	const executablePath = findChromium();
	if (!executablePath) {
		console.error(
			'bench: no Chromium found; install it with `apt-get install -y chromium` (or set KOE_CHROMIUM).'
		);
		return 1;
	}
	const suites = await loadSuites(process.argv.slice(2));

	const koe = await startKoe({
		root,
		dataDir: path.join(workDir, 'data'),
		logFile: path.join(workDir, 'koe.log'),
		log
	});
	let outcome;
	try {
		outcome = await runSuites(suites, koe, executablePath);
	} finally {
		await koe.stop();
	}
	const { metrics, targets, notes, failures } = outcome;

	/** @type {Record<string, Target & { met: boolean }>} */
	const measuredTargets = {};
	for (const [metric, target] of Object.entries(targets)) {
		if (metric in metrics)
			measuredTargets[metric] = { ...target, met: targetMet(metrics[metric], target) };
	}
	console.log(`\n${formatTable(metrics, targets)}`);
	if (notes.length > 0) console.log(`\n${notes.map((note) => `• ${note}`).join('\n')}`);

	if (failures.length > 0) {
		console.error(`\nbench: ${failures.join(', ')} failed; bench/results.json was not written.`);
		return 1;
	}
	const results = {
		generated_at: new Date().toISOString(),
		machine: machine(),
		metrics,
		targets: measuredTargets,
		notes
	};
	fs.writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, '\t')}\n`);
	console.log(`\nWrote bench/results.json in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
);
