/**
 * Paper questionnaires keyed in by staff (the data_entry role): one string per
 * field of paper-fields.ts, typed by a clerk looking at the sheet, read into
 * answers that the web's validation accepts, except that paper cannot force an
 * answer, so required questions may stay 無回答.
 *
 * Two kinds of trouble come back apart. Errors are keystrokes that cannot be
 * what is on paper (a 7 for five options): the clerk fixes them, and the field
 * counts as unanswered meanwhile. Notes are the cleaning applied to what the
 * resident wrote (判読不能, too many ticks, an answer the branching skips), so
 * that the form can say 「2問を無回答として扱いました」.
 */
import { otherName, parseDate, parseNumber } from './answer-form';
import {
	isBlank,
	pruneHidden,
	type AnswerValue,
	type Answers,
	type MatrixAnswer
} from './branching';
import { matrixFieldName, numbering, paperFields, sheetToFields } from './paper-fields';
import {
	allQuestions,
	choiceKeys,
	OTHER,
	OTHER_MAX_LENGTH,
	type Definition,
	type Question
} from './questionnaire';

export { paperFields, sheetToFields, type PaperField, type PaperFieldKind } from './paper-fields';

/** What to do with more ticks than a question allows: keep the first ones typed, or none. */
export type PaperRules = { tooMany: 'first' | 'invalid' };

/**
 * Two circles on a single-answer question make it 無効: the usual rule in
 * tabulating 市民意識調査, and it favours no position on the sheet.
 */
export const DEFAULT_PAPER_RULES: PaperRules = { tooMany: 'invalid' };

export type PaperError = 'notAnOption' | 'notANumber' | 'outOfRange' | 'badDate' | 'tooLong';

/**
 * Cleaning applied to what was typed. `key` is the field's name (the question's
 * key but for matrix rows and 「その他」's text), or for `hidden` the question's:
 * - unreadable: `?` typed for 判読不能, read as 無回答;
 * - tooMany: more ticks than allowed (or 「特にない」 with others, or a rank repeated);
 * - tooFew: fewer ticks than a multiple choice's min, or ranks than a ranking's top: 無回答;
 * - otherBlank: 「その他」 ticked with nothing written, the tick dropped;
 * - hidden: an answer to a question the branching skips, dropped.
 */
export interface PaperNote {
	key: string;
	kind: 'unreadable' | 'tooMany' | 'tooFew' | 'otherBlank' | 'hidden';
}

export interface PaperSheet {
	answers: Answers;
	errors: Record<string, PaperError>;
	notes: PaperNote[];
}

/** A sheet being read: the typed fields, and what reading them found. */
interface Reading extends Omit<PaperSheet, 'answers'> {
	fields: Record<string, string>;
	rules: PaperRules;
}

const note = (r: Reading, key: string, kind: PaperNote['kind']) => {
	r.notes.push({ key, kind });
	return undefined;
};
const fail = (r: Reading, name: string, error: PaperError) => {
	r.errors[name] = error;
	return undefined;
};

// PostgreSQL text cannot hold NUL or half a surrogate pair (answers.ts refuses them).
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SEPARATORS = /[\s,、.・。]+/;

/**
 * What was typed in a field, or undefined for 無回答: blank, or `?` (判読不能).
 * Free text is kept as typed, where a `?` is punctuation unless it is all there
 * is; anything else is NFKC-normalized first, so full-width digits are digits.
 */
function typed(r: Reading, name: string, free = false): string | undefined {
	const raw = Object.hasOwn(r.fields, name) ? r.fields[name] : '';
	const value = free
		? raw.replace(/\r\n?/g, '\n').replace(UNSTORABLE, '')
		: raw.normalize('NFKC').trim();
	if (isBlank(value)) return undefined;
	const unreadable = free ? /^[?？]$/.test(value.trim()) : value.includes('?');
	return unreadable ? note(r, name, 'unreadable') : value;
}

/** The keys behind the numbers typed in a field, in the order typed. */
function picks(r: Reading, name: string, q: Question): string[] | undefined {
	const value = typed(r, name);
	if (value === undefined) return undefined;
	const { first, keys } = numbering(q)!;
	const indexes = value
		.split(SEPARATORS)
		.filter(Boolean)
		.map((token) => (/^\d+$/.test(token) ? Number(token) - first : -1));
	if (indexes.some((i) => i < 0 || i >= keys.length)) return fail(r, name, 'notAnOption');
	return indexes.map((i) => keys[i]);
}

/** The same number twice is the same tick (in all but a ranking). */
const unique = (keys: string[]) => [...new Set(keys)];

/**
 * The ticks up to the first that does not fit. More than the question allows is
 * the resident's doing: noted, and settled by the rules.
 */
function fitting(
	r: Reading,
	name: string,
	keys: string[],
	fits: (kept: string[], key: string) => boolean
): string[] | undefined {
	const stop = keys.findIndex((key, i) => !fits(keys.slice(0, i), key));
	if (stop === -1) return keys;
	note(r, name, 'tooMany');
	return r.rules.tooMany === 'first' ? keys.slice(0, stop) : undefined;
}

/** The one key a single-answer field (a rating, a matrix cell) picks. */
function one(r: Reading, name: string, q: Question): string | undefined {
	const keys = picks(r, name, q);
	return keys && fitting(r, name, unique(keys), (kept) => kept.length === 0)?.[0];
}

type ChoiceQuestion = Extract<Question, { type: 'single' | 'multi' }>;

/** A tick fits below the max, and 「特にない」 counts as the one tick there may be. */
function choiceFits(q: ChoiceQuestion) {
	const max = q.type === 'single' ? 1 : (q.max ?? Infinity);
	const exclusive = q.type === 'multi' ? q.options.filter((o) => o.exclusive) : [];
	const alone = (key: string) => exclusive.some((o) => o.key === key);
	return (kept: string[], key: string) =>
		kept.length < max && !(kept.length > 0 && [key, ...kept].some(alone));
}

function tooFew(q: ChoiceQuestion, keys: string[]) {
	if (q.type !== 'multi' || q.min === undefined || keys.length >= q.min) return false;
	// 「特にない」 alone is a complete answer, whatever the minimum.
	return !(keys.length === 1 && q.options.some((o) => o.key === keys[0] && o.exclusive));
}

function readChoice(r: Reading, q: ChoiceQuestion): AnswerValue | undefined {
	const otherField = otherName(q.key);
	const other = q.other ? typed(r, otherField, true) : undefined;
	const ticked = unique(picks(r, q.key, q) ?? []);
	if (r.errors[q.key]) return undefined;
	// Writing in 「その他」's box counts as ticking it, as on the web.
	const typedKeys = other === undefined || ticked.includes(OTHER) ? ticked : [...ticked, OTHER];
	let keys = typedKeys.length ? fitting(r, q.key, typedKeys, choiceFits(q)) : undefined;
	if (!keys) return undefined;
	if (keys.includes(OTHER) && other === undefined) {
		note(r, q.key, 'otherBlank');
		keys = keys.filter((k) => k !== OTHER);
	}
	if (keys.includes(OTHER) && [...other!].length > OTHER_MAX_LENGTH) {
		return fail(r, otherField, 'tooLong');
	}
	if (!keys.length) return undefined;
	if (tooFew(q, keys)) return note(r, q.key, 'tooFew');
	// Ticks on paper have no order; keep the printed one so that `3 1` reads as `1 3`.
	const choice = q.type === 'single' ? keys[0] : choiceKeys(q).filter((k) => keys.includes(k));
	return keys.includes(OTHER) ? { choice, other: other! } : choice;
}

function readRanking(r: Reading, q: Extract<Question, { type: 'ranking' }>) {
	const ranks = picks(r, q.key, q);
	const kept =
		ranks && fitting(r, q.key, ranks, (above, key) => above.length < q.top && !above.includes(key));
	if (kept && kept.length < q.top) return note(r, q.key, 'tooFew');
	return kept;
}

function readMatrix(r: Reading, q: Extract<Question, { type: 'matrix' }>) {
	const matrix: MatrixAnswer = {};
	for (const row of q.rows) {
		for (const dim of q.dimensions) {
			const point = one(r, matrixFieldName(q, row.key, dim.key), q);
			if (point !== undefined) (matrix[row.key] ??= {})[dim.key] = point;
		}
	}
	return Object.keys(matrix).length ? matrix : undefined;
}

function readNumber(r: Reading, q: Extract<Question, { type: 'number' }>) {
	const value = typed(r, q.key);
	if (value === undefined) return undefined;
	const n = parseNumber(value);
	if (n === undefined || (q.integer && !Number.isInteger(n))) return fail(r, q.key, 'notANumber');
	const outside = (q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max);
	return outside ? fail(r, q.key, 'outOfRange') : n;
}

function readDate(r: Reading, q: Extract<Question, { type: 'date' }>) {
	const value = typed(r, q.key);
	if (value === undefined) return undefined;
	const date = parseDate(value.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3'));
	if (date === undefined) return fail(r, q.key, 'badDate');
	const outside = (q.min && date < q.min) || (q.max && date > q.max);
	return outside ? fail(r, q.key, 'outOfRange') : date;
}

function readAnswer(r: Reading, q: Question): AnswerValue | undefined {
	switch (q.type) {
		case 'single':
		case 'multi':
			return readChoice(r, q);
		case 'rating':
			return one(r, q.key, q);
		case 'ranking':
			return readRanking(r, q);
		case 'matrix':
			return readMatrix(r, q);
		case 'number':
			return readNumber(r, q);
		case 'date':
			return readDate(r, q);
		case 'text': {
			const text = typed(r, q.key, true);
			return text && [...text].length > q.maxLength ? fail(r, q.key, 'tooLong') : text;
		}
		case 'info':
			return undefined;
	}
}

/**
 * Reads a keyed sheet. Fields of other names are ignored. Answers to questions
 * that the branching skips, given the other answers, are dropped; their typos
 * are still errors, since a fix may be what shows the question.
 */
export function readPaperSheet(
	def: Definition,
	fields: Record<string, string>,
	rules: PaperRules = DEFAULT_PAPER_RULES
): PaperSheet {
	const r: Reading = { fields, rules, errors: {}, notes: [] };
	const read: Answers = {};
	for (const q of allQuestions(def)) {
		const value = readAnswer(r, q);
		if (value !== undefined) read[q.key] = value;
	}
	const answers = pruneHidden(def, read);
	for (const key of Object.keys(read)) if (!Object.hasOwn(answers, key)) note(r, key, 'hidden');
	return { answers, errors: r.errors, notes: r.notes };
}

/**
 * What each field amounts to once read: its answer keyed the one canonical way,
 * `?` when unreadable, or the typo itself while it is an error, so that a typo
 * and a blank do not look alike.
 */
function readings(def: Definition, fields: Record<string, string>, rules: PaperRules) {
	const sheet = readPaperSheet(def, fields, rules);
	const keyed = sheetToFields(def, sheet.answers);
	for (const n of sheet.notes) if (n.kind === 'unreadable') keyed[n.key] = '?';
	for (const name of Object.keys(sheet.errors)) keyed[name] = `!${fields[name].normalize('NFKC')}`;
	return keyed;
}

/**
 * The fields two clerks keyed differently from the same sheet (double entry), in
 * form order. Fields are compared as read, not as typed: `1 3` and `１、３` agree.
 */
export function differences(
	def: Definition,
	a: Record<string, string>,
	b: Record<string, string>,
	rules: PaperRules = DEFAULT_PAPER_RULES
): string[] {
	const [left, right] = [readings(def, a, rules), readings(def, b, rules)];
	return paperFields(def)
		.map((field) => field.name)
		.filter((name) => left[name] !== right[name]);
}
