/**
 * Turns rollup counts into the tables a dashboard shows. Pure, so the same
 * arithmetic serves the dashboard, exports and tests.
 */
import {
	allQuestions,
	local,
	OTHER,
	ratingPoints,
	type Definition,
	type LocalText,
	type Option,
	type Question
} from './questionnaire';

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

/** Questions whose answers are counted by choice (numbers, dates and texts are not). */
export type ClosedQuestion = Extract<
	Question,
	{ type: 'single' | 'multi' | 'matrix' | 'rating' | 'ranking' }
>;
const CLOSED: string[] = ['single', 'multi', 'matrix', 'rating', 'ranking'];

export function closedQuestions(def: Definition): ClosedQuestion[] {
	return allQuestions(def).filter((q): q is ClosedQuestion => CLOSED.includes(q.type));
}

export const percent = (n: number, base: number) => (base > 0 ? (100 * n) / base : 0);

const rankTitle = (rank: number): LocalText => ({ ja: `${rank}位`, en: `Rank ${rank}` });

/** The items of a question: itself, each row × dimension of a matrix, or each rank. */
export function itemsOf(q: ClosedQuestion, lang: string): { item: string; title: string }[] {
	if (q.type === 'ranking') {
		return Array.from({ length: q.top }, (_, i) => ({
			item: String(i + 1),
			title: local(rankTitle(i + 1), lang)
		}));
	}
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

const otherOption: Option = { key: OTHER, label: { ja: 'その他', en: 'Other' } };

/** `5（満足）`: a rating point with the label of its end, if it has one. */
function pointLabel(point: string, label: LocalText | undefined): LocalText {
	if (!label) return { ja: point };
	const texts = Object.entries(label).map(([lang, text]) => [
		lang,
		lang === 'ja' ? `${point}（${text}）` : `${point} (${text})`
	]);
	return Object.fromEntries(texts) as LocalText;
}

/** What a question's answers are counted by: options, a matrix's scale, a rating's points. */
export function choicesOf(q: ClosedQuestion): Option[] {
	if (q.type === 'matrix') return q.scale;
	if (q.type === 'rating') {
		const points = ratingPoints(q);
		const labelled: Record<string, LocalText | undefined> = {
			[points[0]]: q.labels.low,
			[points[points.length - 1]]: q.labels.high,
			[points[(points.length - 1) / 2] ?? '']: q.labels.middle
		};
		return points.map((point) => ({ key: point, label: pointLabel(point, labelled[point]) }));
	}
	if (q.type === 'ranking' || !q.other) return q.options;
	return [...q.options, otherOption];
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
