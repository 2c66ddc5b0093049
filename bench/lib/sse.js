// Server-sent events as the dashboard's EventSource reads them: lines until a
// blank line make one event; `event:` names it, `data:` lines are joined,
// comment lines (`: keep-alive`) and `retry:` are skipped.

/** @typedef {{ event: string, data: string }} ServerEvent */

/**
 * A parser to feed chunks of the stream to, in order; it calls `onEvent` for
 * each complete event. Chunks may split lines and events anywhere.
 * @param {(event: ServerEvent) => void} onEvent
 * @returns {(chunk: string) => void}
 */
export function sseParser(onEvent) {
	let buffer = '';
	// A CRLF may be cut between its two characters: the LF then ends no line.
	let afterCr = false;
	let event = '';
	/** @type {string[]} */
	let data = [];
	return (chunk) => {
		if (afterCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
		afterCr = chunk.endsWith('\r');
		buffer += chunk;
		const lines = buffer.split(/\r\n|\r|\n/);
		// The last piece is a line still being received (empty when the chunk ended one).
		buffer = lines.pop() ?? '';
		for (const line of lines) {
			if (line === '') {
				if (event !== '' || data.length > 0)
					onEvent({ event: event || 'message', data: data.join('\n') });
				event = '';
				data = [];
				continue;
			}
			if (line.startsWith(':')) continue;
			const colon = line.indexOf(':');
			const field = colon === -1 ? line : line.slice(0, colon);
			const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
			if (field === 'event') event = value;
			else if (field === 'data') data.push(value);
		}
	};
}
