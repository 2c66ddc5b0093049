/**
 * The public results page's arithmetic: bars and plain-language summary lines
 * from the suppressed aggregates SQL gives anyone (public.public_results). A
 * hidden count (n null) stays hidden: no percentage, sum or sentence uses it.
 */
import { local, type Definition } from './questionnaire';
import { choicesOf, closedQuestions, itemsOf, percent, type ClosedQuestion } from './tables';

/** One cell as the public reads it; choice '' is who answered the item. */
export interface PublicCount {
	question_key: string;
	item: string;
	choice: string;
	/** null: hidden by small-cell suppression */
	n: number | null;
}

export interface PublicBar {
	key: string;
	label: string;
	n: number | null;
	/** share of those who answered the item, 0–100; null when hidden */
	percent: number | null;
}

export interface PublicItem {
	/** '' for a plain question, `row/dimension` of a matrix, the rank of a ranking */
	item: string;
	title: string;
	/** who answered the item: the base of the percentages; null when hidden */
	answered: number | null;
	bars: PublicBar[];
}

/** Every item of a question with a bar per choice, in the questionnaire's order. */
export function publicItems(q: ClosedQuestion, counts: PublicCount[], lang: string): PublicItem[] {
	const mine = counts.filter((c) => c.question_key === q.key);
	return itemsOf(q, lang).map(({ item, title }) => {
		const of = (choice: string) =>
			mine.find((c) => c.item === item && c.choice === choice) ?? { n: 0 };
		const answered = of('').n;
		return {
			item,
			title,
			answered,
			bars: choicesOf(q).map((option) => {
				const { n } = of(option.key);
				return {
					key: option.key,
					label: local(option.label, lang),
					n,
					percent: n === null || answered === null ? null : percent(n, answered)
				};
			})
		};
	});
}

/** The most chosen answer of one single-choice question, as a sentence's parts. */
export interface SummaryFact {
	questionKey: string;
	question: string;
	choice: string;
	/** whole percent of those who answered the question */
	percent: number;
	answered: number;
}

/**
 * For each single-choice question, its most chosen shown answer (the first on a
 * tie). A question is left out when its base is hidden or nobody answered it.
 * Shown counts are never small (0 < n < k) and secondary suppression hides the
 * smallest shown count, so a shown maximum is never beaten by a hidden count.
 */
export function summaryFacts(def: Definition, counts: PublicCount[], lang: string): SummaryFact[] {
	return closedQuestions(def).flatMap((q) => {
		if (q.type !== 'single') return [];
		const [whole] = publicItems(q, counts, lang);
		if (!whole?.answered) return [];
		const top = whole.bars.reduce<PublicBar | null>(
			(best, bar) => (bar.n !== null && bar.n > (best?.n ?? 0) ? bar : best),
			null
		);
		if (top?.n == null) return [];
		return [
			{
				questionKey: q.key,
				question: local(q.text, lang),
				choice: top.label,
				percent: Math.round(percent(top.n, whole.answered)),
				answered: whole.answered
			}
		];
	});
}

/** A translator as i18next's `t`, narrowed to what a summary line needs. */
export type Phrase = (key: string, values: Record<string, string>) => string;

/** 「住み続けたい」と答えた人は 64%（この質問に答えた 1,234人中）, in the viewer's language. */
export function summaryLine(fact: SummaryFact, t: Phrase, locale: string): string {
	const format = new Intl.NumberFormat(locale);
	return t('publicResults.summary.line', {
		choice: fact.choice,
		percent: format.format(fact.percent),
		answered: format.format(fact.answered)
	});
}
