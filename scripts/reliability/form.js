// The form posts a phone without JavaScript sends to /s/<slug>: the hidden form
// state (idempotency key `k`, version `v`, invitation code `c`, the answers of
// the pages before), the page, and the page's fields, URL-encoded. The test
// questionnaire has two pages (the branch question starts the second); a
// submission is the second page's POST.
import { randomUUID } from 'node:crypto';
import { genders, leaveReasons, matrixRows, scale, settleOptions } from './survey.js';

/** @typedef {{ k: string, v: string, a: Record<string, unknown>, c?: string }} FormState */
/** @typedef {{ status: number, location: string | null, body: string }} Reply */

/** @param {FormState} state */
export const encodeState = (state) => Buffer.from(JSON.stringify(state)).toString('base64url');

/** @template T @param {T[]} list */
const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** The first page's answers, as the form state carries them. */
export function firstPage() {
	/** @type {Record<string, string>} */
	const answers = { settle: pick(settleOptions) };
	if (Math.random() < 0.8) answers.gender = pick(genders);
	return answers;
}

/**
 * The second page's fields, valid after `settle`, with `marker` as the free
 * text; now and then they also answer the branch question while it is hidden
 * (the server drops that answer).
 * @param {string} settle
 * @param {string} marker
 * @returns {[string, string][]}
 */
export function secondPage(settle, marker) {
	/** @type {[string, string][]} */
	const fields = [];
	if (settle === 'leave' || Math.random() < 0.1) {
		const first = pick(leaveReasons);
		fields.push(['leave_reasons', first]);
		const second = pick(leaveReasons);
		if (second !== first && Math.random() < 0.5) fields.push(['leave_reasons', second]);
	}
	for (const row of matrixRows) {
		for (const dim of ['sat', 'imp']) fields.push([`services.${row}.${dim}`, pick(scale)]);
	}
	if (Math.random() < 0.7) fields.push(['rating', String(1 + Math.floor(Math.random() * 5))]);
	if (Math.random() < 0.7) fields.push(['years', String(Math.floor(Math.random() * 90))]);
	fields.push(['comment', marker]);
	return fields;
}

/**
 * The last page's POST body of a new answering session (its own idempotency
 * key), valid and complete, carrying `marker`.
 * @param {string} versionId
 * @param {string | undefined} code
 * @param {string} marker
 */
export function submission(versionId, code, marker) {
	const answers = firstPage();
	/** @type {FormState} */
	const state = { k: randomUUID(), v: versionId, a: answers, ...(code ? { c: code } : {}) };
	const body = new URLSearchParams([
		['state', encodeState(state)],
		['page', '1'],
		...secondPage(answers.settle, marker),
		['nav', 'submit']
	]);
	return body.toString();
}

/**
 * Sends one answer form. Throws on a network error (the server is gone).
 * @param {string} baseUrl
 * @param {string} slug
 * @param {string | Buffer} body
 * @param {{ signal?: AbortSignal, contentType?: string }} [options]
 * @returns {Promise<Reply>}
 */
export async function postForm(baseUrl, slug, body, options = {}) {
	const response = await fetch(`${baseUrl}/s/${slug}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: baseUrl,
			// a browser's form post, so SvelteKit answers with the page, not JSON
			accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
			'content-type': options.contentType ?? 'application/x-www-form-urlencoded'
		},
		body: typeof body === 'string' ? body : new Uint8Array(body),
		signal: options.signal ?? AbortSignal.timeout(60_000)
	});
	return {
		status: response.status,
		location: response.headers.get('location'),
		body: await response.text()
	};
}

/** Whether the reply acknowledges the submission: the redirect to the thanks page. */
export const isAck = (/** @type {Reply} */ reply, /** @type {string} */ slug) =>
	reply.status === 303 && reply.location === `/s/${slug}/thanks`;

/**
 * Runs `task(i)` for i = 0 … count-1 on `clients` concurrent workers.
 * @param {number} count
 * @param {number} clients
 * @param {(i: number) => Promise<void>} task
 */
export async function pool(count, clients, task) {
	let next = 0;
	await Promise.all(
		Array.from({ length: clients }, async () => {
			while (next < count) await task(next++);
		})
	);
}
