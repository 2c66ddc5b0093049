/** Which sections and questions a resident sees, given the answers so far. */
import type { Condition, Definition, Question, Section } from './questionnaire';

/**
 * The answer to one question, as JSON:
 * - single, rating: the chosen key (`'yes'`; a rating point as text: `'0'` … `'10'`)
 * - multi: the chosen keys, `['shops', 'jobs']`
 * - single or multi with 「その他」 chosen and described: `{ choice, other }`, where
 *   `choice` is what it would be otherwise (containing `'other'`) and `other` the text
 * - matrix: `{ row: { dimension: scaleKey } }`
 * - text: the text; date: `'YYYY-MM-DD'`; number: a number
 * - ranking: option keys in rank order, `[first, second, third]`
 * - info: none
 * Before validation a value may also be what the resident typed and the server
 * could not read (`'abc'` for a number), so that the form can show it again.
 */
export type AnswerValue = string | number | string[] | MatrixAnswer | OtherAnswer;
export type MatrixAnswer = Record<string, Record<string, string>>;
export interface OtherAnswer {
	choice: string | string[];
	other: string;
}
export type Answers = Record<string, AnswerValue>;

// What counts as blank. SQL's koe_private.is_answered trims the same characters.
const BLANK = /^[ \t\n\r\v\f\u00a0\u3000]*$/;
export const isBlank = (text: string) => BLANK.test(text);

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ choice, other }`: a choice with 「その他」's text. */
export function isOtherAnswer(value: unknown): value is OtherAnswer {
	return isRecord(value) && (typeof value.choice === 'string' || Array.isArray(value.choice));
}

/** The chosen keys of a single, multiple-choice or ranking answer. */
export function chosen(value: unknown): unknown[] {
	const choice = isOtherAnswer(value) ? value.choice : value;
	if (typeof choice === 'string') return [choice];
	return Array.isArray(choice) ? choice : [];
}

/** A number answer, or a rating point, as a number. */
export function numericValue(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) return Number(value);
	return undefined;
}

export function isAnswered(value: unknown): boolean {
	if (typeof value === 'string') return !isBlank(value);
	if (typeof value === 'number') return true;
	if (Array.isArray(value)) return value.length > 0;
	if (isOtherAnswer(value)) return isAnswered(value.choice);
	if (!isRecord(value)) return false;
	return Object.values(value).some((row) => isRecord(row) && Object.keys(row).length > 0);
}

export function holds(condition: Condition | undefined, answers: Answers): boolean {
	if (!condition) return true;
	if ('all' in condition) return condition.all.every((c) => holds(c, answers));
	if ('any' in condition) return condition.any.some((c) => holds(c, answers));
	const value: unknown = Object.hasOwn(answers, condition.question)
		? answers[condition.question]
		: undefined;
	if ('equals' in condition) {
		const choice = isOtherAnswer(value) ? value.choice : value;
		return choice === condition.equals;
	}
	if ('includes' in condition) {
		const choice = isOtherAnswer(value) ? value.choice : value;
		return Array.isArray(choice) && choice.includes(condition.includes);
	}
	if ('gte' in condition) return (numericValue(value) ?? -Infinity) >= condition.gte;
	if ('lte' in condition) return (numericValue(value) ?? Infinity) <= condition.lte;
	return isAnswered(value) === condition.answered;
}

/**
 * Drops answers to questions that are hidden. Conditions only look at earlier
 * questions, so one pass in order settles everything.
 */
export function pruneHidden(def: Definition, answers: Answers): Answers {
	const kept: Answers = {};
	for (const s of def.sections) {
		const sectionShown = holds(s.showIf, kept);
		for (const q of s.questions) {
			if (sectionShown && holds(q.showIf, kept) && Object.hasOwn(answers, q.key)) {
				kept[q.key] = answers[q.key];
			}
		}
	}
	return kept;
}

export function visibleQuestions(s: Section, answers: Answers): Question[] {
	return holds(s.showIf, answers) ? s.questions.filter((q) => holds(q.showIf, answers)) : [];
}

/**
 * A page is a run of one section's questions. A section splits before a question
 * whose condition reads an answer on the same page, so that branching works from
 * the server alone, without JavaScript.
 */
export interface Page {
	section: number;
	questions: Question[];
}

function conditionRefs(c: Condition | undefined): string[] {
	if (!c) return [];
	if ('all' in c) return c.all.flatMap(conditionRefs);
	if ('any' in c) return c.any.flatMap(conditionRefs);
	return [c.question];
}

export function paginate(def: Definition): Page[] {
	const pages: Page[] = [];
	def.sections.forEach((s, section) => {
		let current: Page = { section, questions: [] };
		for (const q of s.questions) {
			const onPage = new Set(current.questions.map((p) => p.key));
			if (conditionRefs(q.showIf).some((ref) => onPage.has(ref))) {
				pages.push(current);
				current = { section, questions: [] };
			}
			current.questions.push(q);
		}
		pages.push(current);
	});
	return pages;
}

/** The questions of a page that are shown, given the answers so far. */
export function shownOnPage(def: Definition, page: Page, answers: Answers): Question[] {
	const pruned = pruneHidden(def, answers);
	if (!holds(def.sections[page.section].showIf, pruned)) return [];
	return page.questions.filter((q) => holds(q.showIf, pruned));
}

/** Indexes of the pages that have something to show, in order. */
export function shownPages(def: Definition, answers: Answers): number[] {
	return paginate(def).flatMap((page, i) => (shownOnPage(def, page, answers).length ? [i] : []));
}

/** The shown page after (step 1) or before (step -1) `current`, or null at either end. */
export function stepPage(def: Definition, answers: Answers, current: number, step: 1 | -1) {
	const shown = shownPages(def, answers);
	const next = step === 1 ? shown.find((i) => i > current) : shown.findLast((i) => i < current);
	return next ?? null;
}
