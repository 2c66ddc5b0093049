// Answers to a whole questionnaire, random but repeatable (one seed, one
// sequence), and the form fields a phone posts for them on one page. The field
// names are the answering form's: `key`, `key.row.dimension` for a matrix cell.

import { mulberry32 } from '../../scripts/lib/seed.js';

/** @typedef {import('../../scripts/lib/demo-survey.js').Definition} Definition */
/** @typedef {Definition['sections'][number]['questions'][number]} Question */
/** @typedef {string | string[] | Record<string, Record<string, string>>} AnswerValue */
/** @typedef {Record<string, AnswerValue>} Answers */

const COMMENTS = [
	'バスの本数を増やしてほしいです。',
	'秋吉台をもっと観光に生かしてください。子どもが遊べる場所も欲しいです。',
	'高齢になっても安心して暮らせるよう、病院への交通手段を確保してほしい。'
];

/** The demo seed's repeatable sequence in [0, 1), for the bench's answers. */
export { mulberry32 as random };

/**
 * @template T
 * @param {() => number} rand
 * @param {T[]} list
 */
const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/**
 * @param {Question} q
 * @param {() => number} rand
 * @returns {AnswerValue | undefined}
 */
function answer(q, rand) {
	switch (q.type) {
		case 'single':
			return pick(rand, q.options).key;
		case 'multi': {
			// Ticks the non-exclusive boxes only ("特にない" excludes the others).
			const open = q.options.filter((o) => !('exclusive' in o && o.exclusive)).map((o) => o.key);
			const count = 1 + Math.floor(rand() * Math.min(q.max ?? open.length, open.length));
			const shuffled = [...open].sort(() => rand() - 0.5);
			return open.filter((key) => shuffled.slice(0, count).includes(key));
		}
		case 'matrix':
			return Object.fromEntries(
				q.rows.map((row) => [
					row.key,
					Object.fromEntries(q.dimensions.map((d) => [d.key, pick(rand, q.scale).key]))
				])
			);
		case 'text':
			return pick(rand, COMMENTS);
		default:
			throw new Error(`the bench does not answer ${q.type} questions yet`);
	}
}

/**
 * Every question answered, follow-up questions included: an answer that a
 * follow-up's `showIf` waits for is chosen, so every page is shown.
 * @param {Definition} def
 * @param {() => number} rand
 * @returns {Answers}
 */
export function fullAnswers(def, rand) {
	const questions = def.sections.flatMap((s) => s.questions);
	/** @type {Answers} */
	const answers = {};
	for (const q of questions) {
		const value = answer(q, rand);
		if (value !== undefined) answers[q.key] = value;
	}
	for (const q of questions) {
		const any = q.showIf && 'any' in q.showIf ? q.showIf.any : [];
		const shows = any.flatMap((c) => ('equals' in c && 'question' in c ? [c] : []));
		if (shows.length) {
			const chosen = pick(rand, shows);
			answers[chosen.question] = String(chosen.equals);
		}
	}
	return answers;
}

/**
 * The fields a phone posts for the answers whose inputs are on this page.
 * @param {Answers} answers
 * @param {Set<string>} names the field names the page's form has
 * @returns {[string, string][]}
 */
export function fieldsFor(answers, names) {
	/** @type {[string, string][]} */
	const fields = [];
	for (const [key, value] of Object.entries(answers)) {
		if (typeof value === 'string') {
			if (names.has(key)) fields.push([key, value]);
		} else if (Array.isArray(value)) {
			if (names.has(key)) for (const v of value) fields.push([key, v]);
		} else {
			for (const [row, cells] of Object.entries(value)) {
				for (const [dimension, v] of Object.entries(cells)) {
					const name = `${key}.${row}.${dimension}`;
					if (names.has(name)) fields.push([name, v]);
				}
			}
		}
	}
	return fields;
}
