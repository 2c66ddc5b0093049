import { expect, it } from 'vitest';
import { sseParser } from './sse.js';

/** @param {string[]} chunks */
function parse(chunks) {
	/** @type {import('./sse.js').ServerEvent[]} */
	const events = [];
	const feed = sseParser((event) => events.push(event));
	for (const chunk of chunks) feed(chunk);
	return events;
}

it('reads what the dashboard endpoint sends', () => {
	expect(
		parse([
			'retry: 2000\nevent: ready\ndata: ok\n\n',
			': keep-alive\n\n',
			'event: responses\ndata: changed\n\n'
		])
	).toEqual([
		{ event: 'ready', data: 'ok' },
		{ event: 'responses', data: 'changed' }
	]);
});

it('waits for the blank line, however the stream is cut', () => {
	const text = 'event: responses\r\ndata: a\r\ndata: b\r\n\r\ndata: plain\n\n';
	const oneByOne = parse([...text]);
	expect(oneByOne).toEqual([
		{ event: 'responses', data: 'a\nb' },
		{ event: 'message', data: 'plain' }
	]);
	expect(parse(['event: responses\ndata: changed\n'])).toEqual([]);
});
