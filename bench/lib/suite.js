// The contract between bench/run.js and the suites in bench/suites/.
//
// A suite is a module with `export async function run(ctx)` that returns
// `{ metrics, notes? }`, and optionally `export const targets` naming the bound
// each of its metrics should stay within.

/**
 * @typedef {object} BenchContext
 * @property {string} baseUrl Koe's production server, started for this run (no trailing slash)
 * @property {string} dataDir its data folder (the embedded PostgreSQL's cluster.json is there)
 * @property {string} executablePath the Chromium the bench uses
 * @property {(options?: import('@playwright/test').LaunchOptions) => Promise<import('@playwright/test').Browser>} chromium
 *   launches headless Chromium; run.js closes it after the suite
 * @property {string} workDir a scratch folder for this suite (bench/.work/<suite>/, git-ignored)
 * @property {(line: string) => void} log progress lines
 */

/**
 * @typedef {object} SuiteResult
 * @property {Record<string, number>} metrics
 * @property {string[]} [notes]
 */

/** @typedef {{ max?: number, min?: number }} Target */

/**
 * @typedef {object} Suite
 * @property {(ctx: BenchContext) => Promise<SuiteResult>} run
 * @property {Record<string, Target>} [targets]
 */

export {};
