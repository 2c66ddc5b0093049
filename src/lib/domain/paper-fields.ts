/**
 * The fields of the paper-entry form: one compact input per answer box of the
 * printed questionnaire, in its order, for staff keying in paper sheets
 * (paper-entry.ts reads them back into answers).
 *
 * Names follow the answering form's where they can: `key` for the answer,
 * `key.other` for 「その他」's text, `key.row` for a matrix row. A row of a dual
 * matrix (満足度・重要度) has a box per dimension on paper, so a field each:
 * `key.row.dimension`.
 */
import { cellName, otherName } from './answer-form';
import {
	chosen,
	isOtherAnswer,
	type Answers,
	type AnswerValue,
	type MatrixAnswer
} from './branching';
import {
	allQuestions,
	choiceKeys,
	ratingPoints,
	type Definition,
	type LocalText,
	type Option,
	type Question
} from './questionnaire';

export type PaperFieldKind =
	'choice' | 'multiple' | 'ranking' | 'matrixRow' | 'number' | 'date' | 'text' | 'other';

export interface PaperField {
	name: string;
	questionKey: string;
	kind: PaperFieldKind;
	/** The question's text; with `row` (and `dimension` in a dual matrix) it labels the input. */
	text: LocalText;
	row?: Option;
	dimension?: Option;
	/** How many numbers are valid, counting from `first`. */
	options?: number;
	/** The number printed on the first option: 1, or 0 on a 0–10 rating scale. */
	first?: number;
	/** The printed labels of the numbered options, in number order (not for ratings). */
	choices?: LocalText[];
	/** How many numbers may be typed: multiple choice's max, a ranking's top. */
	max?: number;
	unit?: LocalText;
}

/**
 * What the numbers printed on paper stand for: options in definition order
 * (paper is never shuffled) with 「その他」 last, and a rating's points as printed,
 * so that a clerk types the 7 they see on a 0–10 scale.
 */
export function numbering(q: Question): { first: number; keys: string[] } | undefined {
	switch (q.type) {
		case 'single':
		case 'multi':
			return { first: 1, keys: choiceKeys(q) };
		case 'rating':
			return { first: q.startAt, keys: ratingPoints(q) };
		case 'ranking':
			return { first: 1, keys: q.options.map((o) => o.key) };
		case 'matrix':
			return { first: 1, keys: q.scale.map((s) => s.key) };
		default:
			return undefined;
	}
}

/** The field of one matrix cell: a row's field, unless the matrix is dual. */
export function matrixFieldName(
	q: Extract<Question, { type: 'matrix' }>,
	row: string,
	dim: string
) {
	return q.dimensions.length === 1 ? `${q.key}.${row}` : cellName(q.key, row, dim);
}

const OTHER_LABEL: LocalText = { ja: 'その他', en: 'Other' };

function numbered(q: Question, kind: PaperFieldKind): PaperField {
	const { first, keys } = numbering(q)!;
	return { name: q.key, questionKey: q.key, kind, text: q.text, options: keys.length, first };
}

function fieldsOf(q: Question): PaperField[] {
	const plain = { name: q.key, questionKey: q.key, text: q.text };
	switch (q.type) {
		case 'single':
		case 'multi': {
			const field: PaperField = {
				...numbered(q, q.type === 'single' ? 'choice' : 'multiple'),
				choices: [...q.options.map((o) => o.label), ...(q.other ? [OTHER_LABEL] : [])],
				...(q.type === 'multi' && q.max !== undefined && { max: q.max })
			};
			const other: PaperField = { ...plain, name: otherName(q.key), kind: 'other' };
			return q.other ? [field, other] : [field];
		}
		case 'rating':
			return [numbered(q, 'choice')];
		case 'ranking':
			return [{ ...numbered(q, 'ranking'), choices: q.options.map((o) => o.label), max: q.top }];
		case 'matrix':
			return q.rows.flatMap((row) =>
				q.dimensions.map((dim) => ({
					...numbered(q, 'matrixRow'),
					name: matrixFieldName(q, row.key, dim.key),
					row,
					...(q.dimensions.length > 1 && { dimension: dim }),
					choices: q.scale.map((s) => s.label)
				}))
			);
		case 'number':
			return [{ ...plain, kind: 'number', ...(q.unit && { unit: q.unit }) }];
		case 'date':
		case 'text':
			return [{ ...plain, kind: q.type }];
		case 'info':
			return [];
	}
}

/** The inputs of the paper-entry form, in questionnaire order; info blocks have none. */
export function paperFields(def: Definition): PaperField[] {
	return allQuestions(def).flatMap(fieldsOf);
}

/** One field of an answer as a clerk would key it. */
function keyed(q: Question, field: PaperField, value: AnswerValue): string {
	if (field.kind === 'other') return isOtherAnswer(value) ? value.other : '';
	const numbers = numbering(q);
	if (!numbers) return typeof value === 'object' ? '' : String(value);
	const printed = (picked: unknown[]) =>
		picked
			.map((key) => numbers.keys.indexOf(key as string))
			.filter((i) => i >= 0)
			.map((i) => i + numbers.first)
			.join(' ');
	if (q.type !== 'matrix') return printed(chosen(value));
	const cells = (value as MatrixAnswer)[field.row!.key] ?? {};
	return printed([cells[field.dimension?.key ?? q.dimensions[0].key]]);
}

/**
 * Answers as a clerk would key them, every field present ('' for 無回答): for
 * showing an entered sheet again. Reading the result gives the answers back.
 */
export function sheetToFields(def: Definition, answers: Answers): Record<string, string> {
	const questions = new Map(allQuestions(def).map((q) => [q.key, q]));
	return Object.fromEntries(
		paperFields(def).map((field) => {
			const value = Object.hasOwn(answers, field.questionKey)
				? answers[field.questionKey]
				: undefined;
			const q = questions.get(field.questionKey)!;
			return [field.name, value === undefined ? '' : keyed(q, field, value)];
		})
	);
}
