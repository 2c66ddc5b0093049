/**
 * How the paper-entry form lays out the fields of paper-fields.ts: grouped by
 * question and numbered 問1, 問2 … as a printed sheet is, with the hint and the
 * error message of each field as i18n keys (rendered by the components).
 */
import type { PaperError, PaperField } from '$lib/domain/paper-entry';
import {
	allQuestions,
	local,
	OTHER_MAX_LENGTH,
	type Definition,
	type LocalText,
	type Question
} from '$lib/domain/questionnaire';

/** An i18n key and its values. */
export interface Message {
	key: string;
	values?: Record<string, string | number>;
}

export interface FieldGroup {
	question: Question;
	/** 問N: questions that take answers, counted in order */
	number: number;
	fields: PaperField[];
	/** The printed numbers and what they stand for, when the question has numbered options. */
	legend: { number: number; label: LocalText }[];
}

function legendOf(q: Question, field: PaperField): FieldGroup['legend'] {
	const first = field.first ?? 1;
	if (field.choices) return field.choices.map((label, i) => ({ number: first + i, label }));
	if (q.type !== 'rating') return [];
	const last = first + q.points - 1;
	return [
		{ number: first, label: q.labels.low },
		{ number: last, label: q.labels.high }
	];
}

/** The fields grouped by question, in questionnaire order. */
export function fieldGroups(def: Definition, fields: PaperField[]): FieldGroup[] {
	const questions = allQuestions(def).filter((q) => fields.some((f) => f.questionKey === q.key));
	return questions.map((question, i) => {
		const own = fields.filter((f) => f.questionKey === question.key);
		return { question, number: i + 1, fields: own, legend: legendOf(question, own[0]) };
	});
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What names a field within its question: its row (and dimension), or 「その他」's text. */
export function fieldName(field: PaperField, locale: string, t: Translate): string | undefined {
	if (field.kind === 'other') return t('paper.field.otherText');
	const parts = [field.row?.label, field.dimension?.label].filter(
		(text): text is LocalText => !!text
	);
	return parts.length ? parts.map((text) => local(text, locale)).join(' — ') : undefined;
}

/**
 * A field's name in messages and tables: 「問7 子育て支援 — 満足度」, or for a
 * question's own field 「問1 お住まいの地区はどちらですか。」.
 */
export function fieldLabel(group: FieldGroup, field: PaperField, locale: string, t: Translate) {
	const name = fieldName(field, locale, t) ?? local(group.question.text, locale);
	return `${t('paper.field.number', { number: group.number })} ${name}`;
}

/** The element id of a field's input (`prefix` keeps ids apart when a page has several sheets). */
export const fieldId = (name: string, prefix = '') => `${prefix}f-${name.replaceAll('.', '-')}`;

/** The form name of a field's input: prefixed, so that no question key meets `code` or `key`. */
export const inputName = (name: string) => `f:${name}`;

const range = (field: PaperField) => ({
	first: field.first ?? 1,
	last: (field.first ?? 1) + (field.options ?? 1) - 1
});

function limits(prefix: string, min?: number | string, max?: number | string): Message | undefined {
	if (min !== undefined && max !== undefined)
		return { key: `${prefix}Between`, values: { min: String(min), max: String(max) } };
	if (min !== undefined) return { key: `${prefix}AtLeast`, values: { min: String(min) } };
	if (max !== undefined) return { key: `${prefix}AtMost`, values: { max: String(max) } };
	return undefined;
}

/** What may be typed in a field, shortest first: 「1〜5」「複数可: 1 3」「?=判読不能」. */
export function fieldHint(field: PaperField, q: Question): Message[] {
	const unreadable: Message = { key: 'paper.hint.unreadable' };
	switch (field.kind) {
		case 'choice':
		case 'matrixRow':
			return [{ key: 'paper.hint.range', values: range(field) }, unreadable];
		case 'multiple':
			return [
				field.max === undefined
					? { key: 'paper.hint.multiple', values: range(field) }
					: { key: 'paper.hint.multipleMax', values: { ...range(field), max: field.max } },
				unreadable
			];
		case 'ranking':
			return [
				{ key: 'paper.hint.ranking', values: { ...range(field), max: field.max ?? 1 } },
				unreadable
			];
		case 'number': {
			const bounds = q.type === 'number' ? limits('paper.hint.number', q.min, q.max) : undefined;
			return [bounds ?? { key: 'paper.hint.number' }, unreadable];
		}
		case 'date':
			return [{ key: 'paper.hint.date' }, unreadable];
		case 'text':
		case 'other':
			return [{ key: 'paper.hint.text' }];
	}
}

/** The message for a keystroke that cannot be what is on paper. */
export function errorMessage(field: PaperField, q: Question, error: PaperError): Message {
	switch (error) {
		case 'notAnOption':
			return {
				key:
					field.kind === 'multiple' || field.kind === 'ranking'
						? 'paper.error.notAnOptionMany'
						: 'paper.error.notAnOption',
				values: range(field)
			};
		case 'notANumber':
			return {
				key:
					q.type === 'number' && q.integer ? 'paper.error.notAnInteger' : 'paper.error.notANumber'
			};
		case 'outOfRange': {
			const bounds =
				q.type === 'number' || q.type === 'date'
					? limits('paper.error.outOfRange', q.min, q.max)
					: undefined;
			return bounds ?? { key: 'paper.error.outOfRange' };
		}
		case 'badDate':
			return { key: 'paper.error.badDate' };
		case 'tooLong': {
			const max = field.kind === 'text' && q.type === 'text' ? q.maxLength : OTHER_MAX_LENGTH;
			return { key: 'paper.error.tooLong', values: { max } };
		}
	}
}
