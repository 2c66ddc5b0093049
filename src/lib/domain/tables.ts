/**
 * Turns rollup counts into the tables a dashboard shows. Pure, so the same
 * arithmetic serves the dashboard, exports and tests.
 */
import { allQuestions, local, type Definition, type Question } from './questionnaire';

export interface Count {
	question_key: string;
	item: string;
	choice: string;
	n: number;
}

export interface ChoiceRow {
	key: string;
	label: string;
	n: number;
	/** share of respondents (the base), 0–100 */
	percent: number;
}

export interface ItemTable {
	/** '' for a plain question, `row/dimension` for a matrix cell */
	item: string;
	title: string;
	/** respondents who saw the survey through, answering or not */
	base: number;
	noAnswer: number;
	rows: ChoiceRow[];
}

export type ClosedQuestion = Extract<Question, { type: 'single' | 'multi' | 'matrix' }>;

export function closedQuestions(def: Definition): ClosedQuestion[] {
	return allQuestions(def).filter((q): q is ClosedQuestion => q.type !== 'text');
}

export const percent = (n: number, base: number) => (base > 0 ? (100 * n) / base : 0);

/** The items of a question: itself, or each row × dimension of a matrix. */
export function itemsOf(q: ClosedQuestion, lang: string): { item: string; title: string }[] {
	if (q.type !== 'matrix') return [{ item: '', title: '' }];
	return q.rows.flatMap((row) =>
		q.dimensions.map((dim) => ({
			item: `${row.key}/${dim.key}`,
			title:
				q.dimensions.length > 1
					? `${local(row.label, lang)} — ${local(dim.label, lang)}`
					: local(row.label, lang)
		}))
	);
}

export function choicesOf(q: ClosedQuestion) {
	return q.type === 'matrix' ? q.scale : q.options;
}

/**
 * Counts and percentages for every item of a question. `respondents` is the
 * number of responses; items nobody answered still show, with zeros.
 */
export function questionTables(
	q: ClosedQuestion,
	counts: Count[],
	respondents: number,
	lang: string
): ItemTable[] {
	const mine = counts.filter((c) => c.question_key === q.key);
	return itemsOf(q, lang).map(({ item, title }) => {
		const of = (choice: string) => mine.find((c) => c.item === item && c.choice === choice)?.n ?? 0;
		const answered = of('');
		return {
			item,
			title,
			base: respondents,
			noAnswer: Math.max(respondents - answered, 0),
			rows: choicesOf(q).map((option) => ({
				key: option.key,
				label: local(option.label, lang),
				n: of(option.key),
				percent: percent(of(option.key), respondents)
			}))
		};
	});
}
