// One resident's phone without JavaScript answering a survey over HTTP: it
// opens the survey, posts each page's form (the hidden `state` carries the
// answers so far and the session's idempotency key), posts the last page with
// 送信する, follows the 303 to the thanks page. Each request is timed.
import { request } from 'undici';
import { fieldsFor } from './answers.js';
import { readForm } from './html.js';

/** @typedef {import('./answers.js').Answers} Answers */
/** @typedef {'open' | 'page' | 'submit' | 'thanks'} Step */
/** @typedef {{ step: Step, ms: number, end: number }} Timing */

/**
 * @typedef {object} Phone
 * @property {string} baseUrl
 * @property {string} slug
 * @property {string} address the client address it is counted under (X-Forwarded-For)
 * @property {import('undici').Dispatcher} dispatcher its connections
 */

/**
 * @param {Phone} phone
 * @param {'GET' | 'POST'} method
 * @param {string} path
 * @param {string} [body] a urlencoded form
 */
async function send(phone, method, path, body) {
	/** @type {Record<string, string>} */
	const headers = {
		accept: 'text/html',
		'accept-language': 'ja',
		'x-forwarded-for': phone.address
	};
	if (body !== undefined) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		headers.origin = phone.baseUrl; // as a browser sends with every form post
	}
	const started = performance.now();
	const response = await request(phone.baseUrl + path, {
		method,
		headers,
		body,
		dispatcher: phone.dispatcher
	});
	const text = await response.body.text();
	const end = performance.now();
	return { status: response.statusCode, headers: response.headers, text, ms: end - started, end };
}

/**
 * @param {number} status
 * @param {string} text
 * @param {string} what
 */
function unexpected(status, text, what) {
	const message = text
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.slice(0, 200);
	return new Error(`${what} answered ${status}: ${message}`);
}

/**
 * Answers the whole questionnaire once and returns every request's timing;
 * `beforeSubmit` runs just before the final POST goes out.
 * @param {Phone} phone
 * @param {Answers} answers
 * @param {{ beforeSubmit?: () => void }} [hooks]
 * @returns {Promise<Timing[]>}
 */
export async function answerSurvey(phone, answers, hooks = {}) {
	const path = `/s/${phone.slug}`;
	/** @type {Timing[]} */
	const timings = [];
	const first = await send(phone, 'GET', path);
	if (first.status !== 200) throw unexpected(first.status, first.text, `GET ${path}`);
	timings.push({ step: 'open', ms: first.ms, end: first.end });
	let html = first.text;
	for (let pages = 0; pages < 50; pages++) {
		const form = readForm(html);
		const body = new URLSearchParams([
			['state', form.hidden.state ?? ''],
			['page', form.hidden.page ?? ''],
			...fieldsFor(answers, form.names),
			['nav', form.button]
		]).toString();
		if (form.button === 'submit') hooks.beforeSubmit?.();
		const posted = await send(phone, 'POST', path, body);
		if (form.button === 'next') {
			if (posted.status !== 200)
				throw unexpected(posted.status, posted.text, `page ${form.hidden.page}`);
			timings.push({ step: 'page', ms: posted.ms, end: posted.end });
			html = posted.text;
			continue;
		}
		const location = posted.headers.location;
		if (posted.status !== 303 || typeof location !== 'string' || !location.endsWith('/thanks')) {
			throw unexpected(posted.status, posted.text, 'the submit');
		}
		timings.push({ step: 'submit', ms: posted.ms, end: posted.end });
		const thanks = await send(phone, 'GET', location);
		if (thanks.status !== 200) throw unexpected(thanks.status, thanks.text, `GET ${location}`);
		timings.push({ step: 'thanks', ms: thanks.ms, end: thanks.end });
		return timings;
	}
	throw new Error('the questionnaire did not end after 50 pages');
}

/** A distinct client address for the n-th phone (10.0.0.0/8), so no two share a rate limit. @param {number} n */
export const phoneAddress = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
