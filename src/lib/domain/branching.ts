/** Which sections and questions a resident sees, given the answers so far. */
import type { Condition, Definition, Question, Section } from './questionnaire';

export type MatrixAnswer = Record<string, Record<string, string>>;
export type AnswerValue = string | string[] | MatrixAnswer;
export type Answers = Record<string, AnswerValue>;

export function isAnswered(value: AnswerValue | undefined): boolean {
	if (value === undefined) return false;
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	return Object.values(value).some((row) => Object.keys(row).length > 0);
}

export function holds(condition: Condition | undefined, answers: Answers): boolean {
	if (!condition) return true;
	if ('all' in condition) return condition.all.every((c) => holds(c, answers));
	if ('any' in condition) return condition.any.some((c) => holds(c, answers));
	const value = answers[condition.question];
	if ('equals' in condition) return value === condition.equals;
	if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
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
			if (sectionShown && holds(q.showIf, kept) && answers[q.key] !== undefined) {
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
