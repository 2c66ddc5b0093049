/**
 * The questionnaire definition, modelled once. The builder, the renderer, server
 * validation, import/export and the SQL submit function all read this shape.
 */
import { z } from 'zod';

export const LANGUAGES = ['ja', 'en'] as const;
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

export type Condition =
	| { question: string; equals: string }
	| { question: string; includes: string }
	| { question: string; answered: boolean }
	| { all: Condition[] }
	| { any: Condition[] };

export const condition: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.strictObject({ question: key, equals: optionKey }),
		z.strictObject({ question: key, includes: optionKey }),
		z.strictObject({ question: key, answered: z.boolean() }),
		z.strictObject({ all: z.array(condition).min(1) }),
		z.strictObject({ any: z.array(condition).min(1) })
	])
);

const base = {
	key,
	text: localText,
	help: localText.optional(),
	required: z.boolean().default(false),
	showIf: condition.optional()
};

const uniqueKeys = (items: { key: string }[]) =>
	new Set(items.map((item) => item.key)).size === items.length;

export const singleQuestion = z.object({
	...base,
	type: z.literal('single'),
	display: z.enum(['radio', 'dropdown']).default('radio'),
	options: z.array(option).min(2).refine(uniqueKeys, 'option keys must be unique')
});

export const multiQuestion = z.object({
	...base,
	type: z.literal('multi'),
	options: z.array(option).min(2).refine(uniqueKeys, 'option keys must be unique'),
	min: z.int().min(0).optional(),
	max: z.int().min(1).optional()
});

export const matrixQuestion = z.object({
	...base,
	type: z.literal('matrix'),
	rows: z.array(option).min(1).refine(uniqueKeys, 'row keys must be unique'),
	/** One dimension is an ordinary matrix; two (満足度・重要度) make a dual matrix. */
	dimensions: z.array(option).min(1).max(2).refine(uniqueKeys, 'dimension keys must be unique'),
	scale: z.array(option).min(2).refine(uniqueKeys, 'scale keys must be unique')
});

export const textQuestion = z.object({
	...base,
	type: z.literal('text'),
	multiline: z.boolean().default(false),
	maxLength: z.int().min(1).max(4000).default(1000)
});

export const question = z.discriminatedUnion('type', [
	singleQuestion,
	multiQuestion,
	matrixQuestion,
	textQuestion
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
		languages: z.array(z.enum(LANGUAGES)).min(1),
		/** Which questions give the stratum every response is counted by. */
		strata: z.object({ district: key.optional(), ageGroup: key.optional() }).default({}),
		sections: z.array(section).min(1)
	})
	.superRefine((value, ctx) => {
		for (const problem of structuralProblems(value)) {
			ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
		}
	});
export type Definition = z.infer<typeof definition>;

export function allQuestions(def: Pick<Definition, 'sections'>): Question[] {
	return def.sections.flatMap((s) => s.questions);
}

function conditionRefs(c: Condition): string[] {
	if ('all' in c) return c.all.flatMap(conditionRefs);
	if ('any' in c) return c.any.flatMap(conditionRefs);
	return [c.question];
}

interface Problem {
	message: string;
	path: (string | number)[];
}

/** Rules that span questions: unique keys, conditions only on earlier questions, strata. */
function structuralProblems(def: Omit<Definition, never>): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<string, Question>();
	def.sections.forEach((s, si) => {
		const checkRefs = (c: Condition | undefined, path: (string | number)[]) => {
			for (const ref of c ? conditionRefs(c) : []) {
				if (!seen.has(ref)) {
					problems.push({ message: `condition refers to "${ref}", not an earlier question`, path });
				}
			}
		};
		checkRefs(s.showIf, ['sections', si, 'showIf']);
		s.questions.forEach((q, qi) => {
			checkRefs(q.showIf, ['sections', si, 'questions', qi, 'showIf']);
			if (seen.has(q.key)) {
				problems.push({
					message: `question key "${q.key}" is used twice`,
					path: ['sections', si, 'questions', qi, 'key']
				});
			}
			if (q.type === 'multi' && q.min !== undefined && q.max !== undefined && q.min > q.max) {
				problems.push({ message: 'min is above max', path: ['sections', si, 'questions', qi] });
			}
			seen.set(q.key, q);
		});
	});
	for (const stratum of ['district', 'ageGroup'] as const) {
		const ref = def.strata?.[stratum];
		if (ref && seen.get(ref)?.type !== 'single') {
			problems.push({
				message: `strata.${stratum} must name a single-choice question`,
				path: ['strata', stratum]
			});
		}
	}
	return problems;
}

/** Picks the text for a language, falling back to Japanese. */
export function local(text: LocalText | undefined, language: string): string {
	if (!text) return '';
	return text[language] || text.ja;
}
