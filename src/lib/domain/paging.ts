/** Whether the resident's current page is the last, so the button can say "send". */
import { paginate, shownPages, type Answers } from './branching';
import type { Condition, Definition } from './questionnaire';

const refsOf = (c: Condition | undefined): string[] =>
	!c ? [] : 'all' in c ? c.all.flatMap(refsOf) : 'any' in c ? c.any.flatMap(refsOf) : [c.question];

/**
 * More pages follow when one is shown already, or when a later page depends on an
 * answer given on this page (which the resident may be about to give; without
 * JavaScript the server only learns it when the page is sent).
 */
export function hasMorePages(def: Definition, answers: Answers, current: number): boolean {
	if (shownPages(def, answers).some((i) => i > current)) return true;
	const pages = paginate(def);
	const here = new Set(pages[current]?.questions.map((q) => q.key));
	const dependsOnHere = (c: Condition | undefined) => refsOf(c).some((ref) => here.has(ref));
	return pages
		.slice(current + 1)
		.some(
			(p) =>
				dependsOnHere(def.sections[p.section].showIf) ||
				p.questions.some((q) => dependsOnHere(q.showIf))
		);
}
