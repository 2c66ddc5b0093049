/**
 * Answers: read from a submitted form, and validated against one published
 * questionnaire version with a zod schema built from its definition.
 */
import { z } from 'zod';
import {
	pruneHidden,
	shownOnPage,
	visibleQuestions,
	type AnswerValue,
	type Answers,
	type Page
} from './branching';
import type { Definition, Question } from './questionnaire';

/** A message key for the i18n catalogue (`answer.error.<code>`) and its values. */
export interface FieldError {
	code: 'required' | 'invalid' | 'too_many' | 'too_few' | 'too_long' | 'not_shown';
	values?: Record<string, number>;
}
export type FieldErrors = Record<string, FieldError>;

/** The form field name of a matrix cell. */
export const cellName = (question: string, row: string, dimension: string) =>
	`${question}.${row}.${dimension}`;

/** Reads these questions' answers from form fields; values are untrusted until validated. */
export function readAnswers(questions: Question[], form: FormData): Answers {
	const answers: Answers = {};
	for (const q of questions) {
		if (q.type === 'multi') {
			const values = form.getAll(q.key).filter((v): v is string => typeof v === 'string');
			if (values.length) answers[q.key] = [...new Set(values)];
		} else if (q.type === 'matrix') {
			const matrix: Record<string, Record<string, string>> = {};
			for (const row of q.rows) {
				for (const dim of q.dimensions) {
					const value = form.get(cellName(q.key, row.key, dim.key));
					if (typeof value === 'string' && value !== '') {
						(matrix[row.key] ??= {})[dim.key] = value;
					}
				}
			}
			if (Object.keys(matrix).length) answers[q.key] = matrix;
		} else {
			const value = form.get(q.key);
			if (typeof value === 'string' && value.trim() !== '') {
				answers[q.key] = q.type === 'text' ? value.replace(/\r\n/g, '\n') : value;
			}
		}
	}
	return answers;
}

function choice(keys: string[]) {
	return z.string().refine((v) => keys.includes(v), { message: 'invalid' });
}

function questionSchema(q: Question): z.ZodType<AnswerValue | undefined> {
	const required = (schema: z.ZodType<AnswerValue>) => (q.required ? schema : schema.optional());
	switch (q.type) {
		case 'single':
			return required(choice(q.options.map((o) => o.key)));
		case 'multi': {
			const min = Math.max(q.min ?? 0, q.required ? 1 : 0);
			let list = z.array(choice(q.options.map((o) => o.key)));
			if (min > 1) list = list.min(min, { message: 'too_few' });
			if (q.max !== undefined) list = list.max(q.max, { message: 'too_many' });
			return required(list);
		}
		case 'matrix': {
			const cell = choice(q.scale.map((o) => o.key));
			const row = z.strictObject(
				Object.fromEntries(
					q.dimensions.map((d) => [d.key, q.required ? cell : cell.optional()])
				) as Record<string, z.ZodType<string>>
			);
			const rows = z.strictObject(
				Object.fromEntries(q.rows.map((r) => [r.key, q.required ? row : row.optional()])) as Record<
					string,
					typeof row
				>
			);
			return required(rows);
		}
		case 'text':
			return required(z.string().max(q.maxLength, { message: 'too_long' }));
	}
}

function errorFor(issue: z.core.$ZodIssue, q: Question | undefined): FieldError {
	if (issue.message === 'too_long' && q?.type === 'text') {
		return { code: 'too_long', values: { max: q.maxLength } };
	}
	if (issue.message === 'too_many' && q?.type === 'multi') {
		return { code: 'too_many', values: { max: q.max ?? 0 } };
	}
	if (issue.message === 'too_few' && q?.type === 'multi') {
		return { code: 'too_few', values: { min: q.min ?? 1 } };
	}
	if (issue.code === 'invalid_type' && issue.input === undefined) return { code: 'required' };
	if (issue.code === 'unrecognized_keys') return { code: 'not_shown' };
	return { code: 'invalid' };
}

/**
 * Checks the given questions' answers. A required matrix reports each missing cell
 * under its own field name so the resident sees which row is missing.
 */
export function validateQuestions(questions: Question[], answers: Answers): FieldErrors {
	const byKey = new Map(questions.map((q) => [q.key, q]));
	const schema = z.strictObject(
		Object.fromEntries(questions.map((q) => [q.key, questionSchema(q)]))
	);
	const result = schema.safeParse(answers);
	const errors: FieldErrors = {};
	if (result.success) return errors;
	for (const issue of result.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const k of issue.keys) errors[k] = { code: 'not_shown' };
			continue;
		}
		const [qKey, row, dim] = issue.path.map(String);
		const q = byKey.get(qKey);
		const field = q?.type === 'matrix' && row && dim ? cellName(qKey, row, dim) : qKey;
		errors[field] ??= errorFor(issue, q);
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
	const errors = validateQuestions(shown, answers);
	for (const k of Object.keys(answers)) {
		if (!(k in pruned)) errors[k] = { code: 'not_shown' };
	}
	return errors;
}
