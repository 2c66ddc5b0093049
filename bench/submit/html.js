// Just enough HTML reading to answer a survey the way a phone without
// JavaScript does: the answering form's hidden fields, the names of its inputs
// and which button it offers (next or submit). Koe renders these attributes
// itself, always double-quoted, so a few regular expressions do.

/** @param {string} value an attribute value as HTML writes it */
function unescape(value) {
	return value
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** @param {string} tag e.g. `<input type="hidden" name="state" value="…">` */
export function attributes(tag) {
	/** @type {Record<string, string>} */
	const found = {};
	const rest = tag.replace(/^<[\w-]+/, ''); // not the tag's own name
	for (const match of rest.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) {
		found[match[1].toLowerCase()] = unescape(match[2] ?? '');
	}
	return found;
}

/**
 * The survey's answering form (`<form … data-koe-answer>`), without the other
 * forms on the page (resume, language).
 * @param {string} html
 */
export function answerForm(html) {
	const start = html.search(/<form\b[^>]*\bdata-koe-answer\b/);
	if (start === -1) return null;
	const end = html.indexOf('</form>', start);
	return end === -1 ? null : html.slice(start, end);
}

/**
 * @typedef {object} FormView
 * @property {Record<string, string>} hidden hidden inputs: `state` and `page`
 * @property {Set<string>} names every field name the form has (inputs, textareas, selects)
 * @property {'next' | 'submit'} button what its main button does
 */

/**
 * @param {string} html a page of `/s/<slug>`
 * @returns {FormView}
 */
export function readForm(html) {
	const form = answerForm(html);
	if (!form) throw new Error('the page has no answering form');
	/** @type {Record<string, string>} */
	const hidden = {};
	/** @type {Set<string>} */
	const names = new Set();
	/** @type {'next' | 'submit' | null} */
	let button = null;
	for (const [tag, kind] of form.matchAll(/<(input|textarea|select|button)\b[^>]*>/g)) {
		const attrs = attributes(tag);
		if (!attrs.name) continue;
		if (kind === 'button') {
			if (attrs.name === 'nav' && (attrs.value === 'next' || attrs.value === 'submit')) {
				button = attrs.value;
			}
			continue;
		}
		if (attrs.type === 'hidden') hidden[attrs.name] = attrs.value ?? '';
		else names.add(attrs.name);
	}
	if (!button) throw new Error('the answering form has neither a next nor a submit button');
	return { hidden, names, button };
}
