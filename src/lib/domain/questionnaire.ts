/**
 * The questionnaire definition, modelled once. The builder, the renderer, server
 * validation, import/export and the SQL submit function all read this shape.
 *
 * What a resident's answer to each type looks like (JSON, as stored in the form
 * state and sent to `submit_response`) is documented on `AnswerValue` in
 * branching.ts; how SQL stores it, in supabase/migrations/20261124000800_question_types.sql.
 */
import { z } from 'zod';
import { structuralProblems } from './questionnaire-rules';

/** Languages a questionnaire's own text may be written in (the resident chrome's languages). */
export const LANGUAGES = ['ja', 'en', 'ja-x-easy', 'zh', 'ko', 'vi', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

const key = z
	.string()
	.regex(/^[a-z][a-z0-9_]{0,39}$/, 'keys are lower-case letters, digits and _, starting a letter');
const optionKey = z.string().regex(/^[a-z0-9_]{1,40}$/);

/** Text per language; Japanese is required and is the fallback. */
export const localText = z.object({ ja: z.string().min(1) }).catchall(z.string());
export type LocalText = z.infer<typeof localText>;

export const option = z.object({ key: optionKey, label: localText });
export type Option = z.infer<typeof option>;

/** The key of the extra 「その他（具体的に）」 option of a question with `other: true`. */
export const OTHER = 'other';
/** How long the free text of 「その他」 may be. */
export const OTHER_MAX_LENGTH = 200;

/** A calendar date as `YYYY-MM-DD` (years 0001–9999), the form `<input type="date">` sends. */
export function isIsoDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return year >= 1 && days !== undefined && day >= 1 && day <= days;
}
const isoDate = z.string().refine(isIsoDate, 'dates are written YYYY-MM-DD');

export type Condition =
	| { question: string; equals: string }
	| { question: string; includes: string }
	| { question: string; answered: boolean }
	| { question: string; gte: number }
	| { question: string; lte: number }
	| { all: Condition[] }
	| { any: Condition[] };

export const condition: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.strictObject({ question: key, equals: optionKey }),
		z.strictObject({ question: key, includes: optionKey }),
		z.strictObject({ question: key, answered: z.boolean() }),
		z.strictObject({ question: key, gte: z.number() }),
		z.strictObject({ question: key, lte: z.number() }),
		z.strictObject({ all: z.array(condition).min(1) }),
		z.strictObject({ any: z.array(condition).min(1) })
	])
);

const base = {
	key,
	text: localText,
	help: localText.optional(),
	/** Ignored for `info`, which takes no answer. */
	required: z.boolean().default(false),
	showIf: condition.optional()
};

const uniqueKeys = (items: { key: string }[]) =>
	new Set(items.map((item) => item.key)).size === items.length;
const unique = (what: string) => ({
	message: `${what} keys must be unique`,
	params: { problem: 'duplicate_option' }
});
const options = z.array(option).min(2).refine(uniqueKeys, unique('option'));

/** Shared by single and multiple choice. */
const choiceExtras = {
	/** Adds 「その他（具体的に）」 (key `other`) with a free-text box. */
	other: z.boolean().optional(),
	/** Shows the options in an order of their own for each respondent. */
	shuffle: z.boolean().optional()
};

export const singleQuestion = z.object({
	...base,
	type: z.literal('single'),
	display: z.enum(['radio', 'dropdown']).default('radio'),
	options,
	...choiceExtras
});

/** An option of a multiple-choice question; `exclusive` is e.g. 「特にない」. */
export const multiOption = option.extend({ exclusive: z.boolean().optional() });
export type MultiOption = z.infer<typeof multiOption>;

export const multiQuestion = z.object({
	...base,
	type: z.literal('multi'),
	options: z.array(multiOption).min(2).refine(uniqueKeys, unique('option')),
	min: z.int().min(0).optional(),
	max: z.int().min(1).optional(),
	...choiceExtras
});

export const matrixQuestion = z.object({
	...base,
	type: z.literal('matrix'),
	rows: z.array(option).min(1).refine(uniqueKeys, unique('row')),
	/** One dimension is an ordinary matrix; two (満足度・重要度) make a dual matrix. */
	dimensions: z.array(option).min(1).max(2).refine(uniqueKeys, unique('dimension')),
	scale: z.array(option).min(2).refine(uniqueKeys, unique('scale'))
});

export const textQuestion = z.object({
	...base,
	type: z.literal('text'),
	multiline: z.boolean().default(false),
	maxLength: z.int().min(1).max(4000).default(1000)
});

/** A scale of `points` numbers from `startAt`, e.g. 0–10 or 1–5, labelled at its ends. */
export const ratingQuestion = z.object({
	...base,
	type: z.literal('rating'),
	points: z.int().min(2).max(11),
	startAt: z.union([z.literal(0), z.literal(1)]).default(1),
	labels: z.object({ low: localText, high: localText, middle: localText.optional() })
});

export const numberQuestion = z.object({
	...base,
	type: z.literal('number'),
	min: z.number().optional(),
	max: z.number().optional(),
	integer: z.boolean().default(false),
	/** e.g. 年, 人, km: shown after the box */
	unit: localText.optional()
});

export const dateQuestion = z.object({
	...base,
	type: z.literal('date'),
	min: isoDate.optional(),
	max: isoDate.optional()
});

/** Choose and order the `top` most important options: one select per rank, no dragging. */
export const rankingQuestion = z.object({
	...base,
	type: z.literal('ranking'),
	options,
	top: z.int().min(1),
	shuffle: z.boolean().optional()
});

/** Text for the resident between questions; it takes no answer. */
export const infoBlock = z.object({ ...base, type: z.literal('info') });

export const question = z.discriminatedUnion('type', [
	singleQuestion,
	multiQuestion,
	matrixQuestion,
	textQuestion,
	ratingQuestion,
	numberQuestion,
	dateQuestion,
	rankingQuestion,
	infoBlock
]);
export type Question = z.infer<typeof question>;
export type QuestionType = Question['type'];

export const section = z.object({
	key,
	title: localText,
	description: localText.optional(),
	showIf: condition.optional(),
	questions: z.array(question).min(1)
});
export type Section = z.infer<typeof section>;

export const definition = z
	.object({
		languages: z
			.array(z.enum(LANGUAGES))
			.min(1)
			.refine((l) => l.includes('ja') && new Set(l).size === l.length, {
				message: 'languages must list ja, each language once',
				params: { problem: 'languages' }
			}),
		/** Which questions give the stratum every response is counted by. */
		strata: z.object({ district: key.optional(), ageGroup: key.optional() }).default({}),
		/** Questions (single, multi, rating) every closed question can be cross-tabulated by. */
		breakdowns: z.array(key).max(8).optional(),
		sections: z.array(section).min(1)
	})
	.superRefine((value, ctx) => {
		for (const problem of structuralProblems(value)) {
			ctx.addIssue({
				code: 'custom',
				message: problem.message,
				path: problem.path,
				params: { problem: problem.code, ...problem.values }
			});
		}
	});
export type Definition = z.infer<typeof definition>;

export function allQuestions(def: Pick<Definition, 'sections'>): Question[] {
	return def.sections.flatMap((s) => s.questions);
}

/** The options a resident picks from, 「その他」 last when the question has it. */
export function choiceKeys(q: Extract<Question, { type: 'single' | 'multi' }>): string[] {
	const keys = q.options.map((o) => o.key);
	return q.other ? [...keys, OTHER] : keys;
}

/** The points of a rating scale as the answer values they become: '1' … '5', '0' … '10'. */
export function ratingPoints(q: Extract<Question, { type: 'rating' }>): string[] {
	return Array.from({ length: q.points }, (_, i) => String(q.startAt + i));
}

/** Picks the text for a language, falling back to Japanese. */
export function local(text: LocalText | undefined, language: string): string {
	if (!text) return '';
	return text[language] || text.ja;
}
