// What a phone downloads for one page: every response until the network is idle,
// each body gzipped here at level 9 so that the figure does not depend on whether
// or how the server compresses.
import { gzipSync } from 'node:zlib';
import { devices } from '@playwright/test';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').Response} Response */
/** @typedef {{ url: string, type: string, bytes: number, gzip: number }} Resource */
/** @typedef {{ js: number, total: number, resources: Resource[] }} Weight */

// A mid-range Android phone: 412×915 CSS pixels, touch, mobile user agent.
const phone = devices['Pixel 7'];

/** @param {Buffer} body */
export function gzipSize(body) {
	return body.length === 0 ? 0 : gzipSync(body, { level: 9 }).length;
}

/** @param {Response} response @returns {Promise<Resource>} */
async function weighResponse(response) {
	const url = response.url();
	const type = response.request().resourceType();
	// Redirects and empty answers have no body to read.
	const body = await response.body().catch(() => Buffer.alloc(0));
	return { url, type, bytes: body.length, gzip: gzipSize(body) };
}

/**
 * Icons the document declares: Chromium fetches them outside the page's network
 * events, so fetch them like a phone would and count them when the page did not.
 * @param {Page} page
 */
async function declaredIcons(page) {
	return page.$$eval('link[rel~="icon"], link[rel="apple-touch-icon"]', (links) =>
		links.map((link) => /** @type {HTMLLinkElement} */ (link).href)
	);
}

/**
 * Loads `url` in a fresh phone-sized context (empty cache) and weighs it.
 * @param {Browser} browser
 * @param {string} url
 * @param {{ ready: (page: Page) => Promise<unknown>, timeout?: number }} options
 *   `ready` resolves once the page shows what it is for (e.g. the first question)
 * @returns {Promise<Weight>}
 */
export async function weighPage(browser, url, { ready, timeout = 30_000 }) {
	const context = await browser.newContext({ ...phone, locale: 'ja-JP', serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		page.setDefaultTimeout(timeout);
		/** @type {Promise<Resource>[]} */
		const pending = [];
		/** @type {string[]} */
		const failures = [];
		page.on('response', (response) => pending.push(weighResponse(response)));
		page.on('requestfailed', (request) => {
			failures.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
		});

		const response = await page.goto(url, { waitUntil: 'networkidle' });
		if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status() ?? 'nothing'}`);
		await ready(page);
		await page.waitForLoadState('networkidle');
		if (failures.length > 0) {
			throw new Error(`requests failed while loading ${url}: ${failures.join(', ')}`);
		}

		const resources = await Promise.all(pending);
		const seen = new Set(resources.map((r) => r.url));
		for (const icon of await declaredIcons(page)) {
			if (seen.has(icon) || icon.startsWith('data:')) continue;
			const answer = await context.request.get(icon);
			const body = answer.ok() ? await answer.body() : Buffer.alloc(0);
			resources.push({ url: icon, type: 'image', bytes: body.length, gzip: gzipSize(body) });
		}

		const sum = (/** @type {Resource[]} */ list) => list.reduce((n, r) => n + r.gzip, 0);
		return {
			js: sum(resources.filter((r) => r.type === 'script')),
			total: sum(resources),
			resources
		};
	} finally {
		await context.close();
	}
}

/**
 * "document 4.1 KB, script 1.2 KB, …": where the bytes go, for the notes.
 * @param {Resource[]} resources
 */
export function breakdown(resources) {
	/** @type {Map<string, number>} */
	const byType = new Map();
	for (const r of resources) byType.set(r.type, (byType.get(r.type) ?? 0) + r.gzip);
	return [...byType]
		.sort((a, b) => b[1] - a[1])
		.map(([type, gzip]) => `${type} ${(gzip / 1024).toFixed(1)} KB`)
		.join(', ');
}
