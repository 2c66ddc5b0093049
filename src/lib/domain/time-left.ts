/** An estimate of the answering time left, for "残り約3分" beside the progress bar. */
import { paginate, shownOnPage, shownPages, type Answers } from './branching';
import type { Definition, Question } from './questionnaire';

/**
 * Seconds a resident takes for a question of each type, read on a phone: a
 * rough guide from timed paper pilots (about 10 s for a short single choice),
 * not a promise. A matrix costs per row and rating dimension; text is the
 * typing of a sentence or two, most residents leave it short or blank.
 */
export const SECONDS: Record<Question['type'], number> = {
	single: 10,
	multi: 15,
	rating: 8,
	number: 12,
	date: 12,
	ranking: 25,
	text: 45,
	info: 5,
	// per row and dimension
	matrix: 6
};

export function questionSeconds(q: Question): number {
	return q.type === 'matrix'
		? SECONDS.matrix * q.rows.length * q.dimensions.length
		: SECONDS[q.type];
}

/** Seconds for the questions shown from page `current` on, this one included (it is still to answer). */
export function secondsLeft(def: Definition, answers: Answers, current: number): number {
	const pages = paginate(def);
	return shownPages(def, answers)
		.filter((i) => i >= current)
		.flatMap((i) => shownOnPage(def, pages[i], answers))
		.reduce((sum, q) => sum + questionSeconds(q), 0);
}

/** Whole minutes left, rounded up and at least 1, as the page shows them. */
export function minutesLeft(def: Definition, answers: Answers, current: number): number {
	return Math.max(1, Math.ceil(secondsLeft(def, answers, current) / 60));
}
