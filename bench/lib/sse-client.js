// An open dashboard's event stream, read over HTTP as EventSource would: each
// event is handed on with the moment it arrived (performance.now()).
import { request } from 'undici';
import { sseParser } from './sse.js';

/** @typedef {import('./sse.js').ServerEvent & { at: number }} TimedEvent */

/**
 * Opens `url` with `headers` (e.g. the session cookie) and resolves once the
 * server has answered 200; `onEvent` gets every event until `close()`.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @param {(event: TimedEvent) => void} onEvent
 */
export async function openEventStream(url, headers, onEvent) {
	const controller = new AbortController();
	const response = await request(url, {
		headers: { accept: 'text/event-stream', ...headers },
		signal: controller.signal
	});
	if (response.statusCode !== 200) {
		const text = await response.body.text();
		throw new Error(`GET ${url} answered ${response.statusCode}: ${text.slice(0, 200)}`);
	}
	const feed = sseParser((event) => onEvent({ ...event, at: performance.now() }));
	// A multi-byte character may be cut between chunks: decode as a stream.
	const decoder = new TextDecoder();
	response.body.on('data', (/** @type {Buffer} */ chunk) => {
		try {
			feed(decoder.decode(chunk, { stream: true }));
		} catch (error) {
			console.error(`reading ${url}: ${error instanceof Error ? error.message : String(error)}`);
		}
	});
	response.body.on('error', () => {}); // closing aborts the stream: expected
	return { close: () => controller.abort() };
}
