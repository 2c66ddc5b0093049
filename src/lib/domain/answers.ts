/**
 * Answers validated against one published questionnaire version, with a zod
 * schema built from its definition. The rules are the same as SQL's
 * (koe_private.answer_rows): what one accepts, the other accepts.
 */
import { z } from 'zod';
import {
	isAnswered,
	isOtherAnswer,
	pruneHidden,
	shownOnPage,
	visibleQuestions,
	type Answers,
	type Page,
	isBlank
} from './branching';
import {
	allQuestions,
	choiceKeys,
	OTHER,
	OTHER_MAX_LENGTH,
	isIsoDate,
	ratingPoints,
	type Definition,
	type Question
} from './questionnaire';
import { cellName } from './answer-form';

export { cellName, otherName, rankName, readAnswers } from './answer-form';

/** A message key for the i18n catalogue (`answer.error.<code>`) and its values. */
export interface FieldError {
	code:
		| 'required'
		| 'invalid'
		| 'not_shown'
		| 'too_many'
		| 'too_few'
		| 'too_long'
		| 'exclusive'
		| 'other_missing'
		| 'not_a_number'
		| 'not_integer'
		| 'too_small'
		| 'too_large'
		| 'bad_date'
		| 'too_early'
		| 'too_late'
		| 'duplicate_rank'
		| 'rank_incomplete';
	values?: Record<string, number | string>;
}
export type FieldErrors = Record<string, FieldError>;
type Code = FieldError['code'];

type Ctx = z.core.$RefinementCtx;
function report(ctx: Ctx, code: Code, values?: FieldError['values'], path: string[] = []) {
	ctx.addIssue({ code: 'custom', message: code, params: { code, values }, path });
}

// PostgreSQL text cannot hold NUL or half a surrogate pair; refuse them here.
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Limits count characters as SQL's char_length does: code points. */
function checkText(ctx: Ctx, text: string, max: number) {
	if (UNSTORABLE.test(text)) report(ctx, 'invalid');
	else if ([...text].length > max) report(ctx, 'too_long', { max });
}

type ChoiceQuestion = Extract<Question, { type: 'single' | 'multi' }>;

function checkChoices(q: ChoiceQuestion, list: string[], ctx: Ctx) {
	const keys = choiceKeys(q);
	if (list.some((k) => !keys.includes(k)) || new Set(list).size !== list.length) {
		return report(ctx, 'invalid');
	}
	if (q.type !== 'multi') return;
	const exclusive = q.options.filter((o) => o.exclusive).map((o) => o.key);
	if (list.length > 1 && list.some((k) => exclusive.includes(k))) return report(ctx, 'exclusive');
	if (q.max !== undefined && list.length > q.max) return report(ctx, 'too_many', { max: q.max });
	// 「特にない」 alone is a complete answer, whatever the minimum.
	const alone = list.length === 1 && exclusive.includes(list[0]);
	if (q.min !== undefined && list.length < q.min && !alone) {
		report(ctx, 'too_few', { min: q.min });
	}
}

function choiceSchema(q: ChoiceQuestion) {
	const choice = q.type === 'single' ? z.string() : z.array(z.string());
	return z
		.union([choice, z.strictObject({ choice, other: z.string() })])
		.superRefine((value, ctx) => {
			const { choice, other } = isOtherAnswer(value) ? value : { choice: value, other: undefined };
			const list = typeof choice === 'string' ? [choice] : choice;
			checkChoices(q, list, ctx);
			if (other !== undefined && (!q.other || !list.includes(OTHER))) report(ctx, 'invalid');
			else if (q.other && list.includes(OTHER) && (other === undefined || isBlank(other))) {
				report(ctx, 'other_missing');
			} else if (other !== undefined) checkText(ctx, other, OTHER_MAX_LENGTH);
		});
}

function matrixSchema(q: Extract<Question, { type: 'matrix' }>) {
	return z.record(z.string(), z.record(z.string(), z.string())).superRefine((value, ctx) => {
		const rows = q.rows.map((r) => r.key);
		const dims = q.dimensions.map((d) => d.key);
		const scale = q.scale.map((s) => s.key);
		for (const [row, cells] of Object.entries(value)) {
			if (!rows.includes(row)) report(ctx, 'invalid');
			for (const [dim, point] of Object.entries(cells)) {
				if (!dims.includes(dim) || !scale.includes(point)) report(ctx, 'invalid', {}, [row, dim]);
			}
		}
		if (!q.required) return;
		const has = (row: string, dim: string) =>
			Object.hasOwn(value, row) && Object.hasOwn(value[row], dim);
		const missing = rows.flatMap((row) => dims.filter((d) => !has(row, d)).map((d) => [row, d]));
		for (const path of missing) report(ctx, 'required', undefined, path);
		if (missing.length) report(ctx, 'required');
	});
}

function rankingSchema(q: Extract<Question, { type: 'ranking' }>) {
	const keys = q.options.map((o) => o.key);
	return z.array(z.string()).superRefine((ranks, ctx) => {
		const chosen = ranks.filter((r) => r !== '');
		if (ranks.length > q.top || chosen.some((k) => !keys.includes(k))) report(ctx, 'invalid');
		else if (new Set(chosen).size !== chosen.length) report(ctx, 'duplicate_rank');
		else if (chosen.length < q.top) report(ctx, 'rank_incomplete', { count: q.top });
	});
}

/** The schema of an answered value of one question; unanswered values never reach it. */
export function answerSchema(q: Question): z.ZodType {
	switch (q.type) {
		case 'single':
		case 'multi':
			return choiceSchema(q);
		case 'matrix':
			return matrixSchema(q);
		case 'text':
			return z.string().superRefine((text, ctx) => checkText(ctx, text, q.maxLength));
		case 'rating':
			return z.string().refine((v) => ratingPoints(q).includes(v), 'invalid');
		case 'number':
			return z.number({ error: 'not_a_number' }).superRefine((n, ctx) => {
				if (q.integer && !Number.isInteger(n)) report(ctx, 'not_integer');
				else if (q.min !== undefined && n < q.min) report(ctx, 'too_small', { min: q.min });
				else if (q.max !== undefined && n > q.max) report(ctx, 'too_large', { max: q.max });
			});
		case 'date':
			return z.string({ error: 'bad_date' }).superRefine((date, ctx) => {
				if (!isIsoDate(date)) report(ctx, 'bad_date');
				else if (q.min !== undefined && date < q.min) report(ctx, 'too_early', { min: q.min });
				else if (q.max !== undefined && date > q.max) report(ctx, 'too_late', { max: q.max });
			});
		case 'ranking':
			return rankingSchema(q);
		case 'info':
			return z.unknown().superRefine((_, ctx) => report(ctx, 'not_shown'));
	}
}

const CODES = new Set<string>(['not_a_number', 'bad_date', 'invalid']);

function errorOf(issue: z.core.$ZodIssue): FieldError {
	const params = issue.code === 'custom' ? (issue.params as FieldError | undefined) : undefined;
	if (params?.code)
		return params.values ? { code: params.code, values: params.values } : { code: params.code };
	return { code: CODES.has(issue.message) ? (issue.message as Code) : 'invalid' };
}

/**
 * Checks the given questions' answers; any other key is refused. A required
 * matrix reports each missing cell under its own field name as well, so the
 * resident sees which row is missing.
 */
export function validateQuestions(questions: Question[], answers: Answers): FieldErrors {
	const errors: FieldErrors = {};
	const keys = new Set(questions.map((q) => q.key));
	for (const k of Object.keys(answers)) if (!keys.has(k)) errors[k] = { code: 'not_shown' };
	for (const q of questions) {
		const value: unknown = answers[q.key];
		if (!isAnswered(value)) {
			if (q.required && q.type !== 'info') errors[q.key] = { code: 'required' };
			continue;
		}
		const result = answerSchema(q).safeParse(value);
		for (const issue of result.error?.issues ?? []) {
			const [row, dim] = issue.path.map(String);
			const name = q.type === 'matrix' && row && dim ? cellName(q.key, row, dim) : q.key;
			errors[name] ??= errorOf(issue);
		}
	}
	return errors;
}

/** Validates one page as the resident leaves it. */
export function validatePage(def: Definition, page: Page, answers: Answers): FieldErrors {
	const shown = shownOnPage(def, page, answers);
	const own = Object.fromEntries(
		shown.filter((q) => answers[q.key] !== undefined).map((q) => [q.key, answers[q.key]])
	);
	return validateQuestions(shown, own);
}

/**
 * Validates a whole submission: every shown question checked, and an answer to a
 * question that is hidden (or does not exist) refused.
 */
export function validateSubmission(def: Definition, answers: Answers): FieldErrors {
	const pruned = pruneHidden(def, answers);
	const shown = def.sections.flatMap((s) => visibleQuestions(s, pruned));
	const errors = validateQuestions(shown, pruned);
	const known = new Set(allQuestions(def).map((q) => q.key));
	for (const [k, value] of Object.entries(answers)) {
		if (!(k in pruned) && (!known.has(k) || isAnswered(value))) errors[k] = { code: 'not_shown' };
	}
	return errors;
}
