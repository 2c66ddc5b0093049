/** Every table of a survey's results, as the sheets of one workbook. */
import { local, type Definition, type LocalText } from '../questionnaire';
import { choicesOf, closedQuestions, itemsOf, questionTables } from '../tables';
import type { ClosedQuestion, Count } from '../tables';
import { crosstab, type CrosstabRow, type Labelled } from '../crosstab';
import type { StratumCell, StratumTotal, Suppressible } from '../crosstab';
import type { Cell, Sheet, Translate } from './cells';
import { choiceLabels, crosstabRows, itemCaption, questionRows } from './results';

export interface SurveyResults {
	title: LocalText;
	organization: LocalText;
	definition: Definition;
	respondents: number;
	counts: Count[];
	strata: Suppressible<StratumTotal>[];
	districts: { code: string; name: LocalText }[];
	ageGroups: { code: string; name: LocalText }[];
	/** cross-tab cells per question key (suppressed in SQL for readers without raw rights) */
	crosstabs: Record<string, Suppressible<StratumCell>[]>;
	/** the organisation's minimum cell size */
	k: number;
	opensAt: string | null;
	closesAt: string | null;
}

/** Closed questions worth a cross-tab: all but the ones that give the strata themselves. */
export const crosstabQuestions = (def: Definition): ClosedQuestion[] =>
	closedQuestions(def).filter(
		(q) => q.key !== def.strata.district && q.key !== def.strata.ageGroup
	);

const labelled = (list: { code: string; name: LocalText }[], lang: string): Labelled[] =>
	list.map((x) => ({ code: x.code, label: local(x.name, lang) || x.code }));

/** One item's district × age-group rows, exactly as the dashboard computes them. */
export function crosstabFor(
	results: SurveyResults,
	q: ClosedQuestion,
	item: string,
	lang: string,
	t: Translate
): CrosstabRow[] {
	return crosstab(
		results.crosstabs[q.key] ?? [],
		results.strata,
		item,
		choicesOf(q).map((c) => c.key),
		labelled(results.districts, lang),
		labelled(results.ageGroups, lang),
		{ total: t('exports.columns.total'), unknown: t('exports.columns.unknown') }
	);
}

/** Every item's cross-tab of a question, one under the other. */
export function questionCrosstabRows(
	results: SurveyResults,
	q: ClosedQuestion,
	lang: string,
	t: Translate
): Cell[][] {
	return itemsOf(q, lang).flatMap(({ item }, i) => [
		...(i > 0 ? [[]] : []),
		...crosstabRows(
			crosstabFor(results, q, item, lang, t),
			choiceLabels(q, lang),
			itemCaption(q, item, lang),
			results.k,
			t
		)
	]);
}

/** A timestamp as its date in Japan, `YYYY-MM-DD`. */
export const japanDate = (at: string | Date) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date(at));

/** The survey period as text, `YYYY-MM-DD` at each end. */
export function period(results: SurveyResults, t: Translate): string {
	const day = (at: string | null) => (at ? japanDate(at) : t('exports.reportPage.notSet'));
	return t('exports.reportPage.periodOpen', {
		from: day(results.opensAt),
		to: day(results.closesAt)
	});
}

export function coverRows(results: SurveyResults, lang: string, created: string, t: Translate) {
	const languages = results.definition.languages
		.map((l) => t(`exports.languageNames.${l}`))
		.join('、');
	const rows: Cell[][] = [
		[local(results.title, lang)],
		[],
		[t('exports.cover.survey'), local(results.title, lang)],
		[t('exports.cover.organization'), local(results.organization, lang)],
		[t('exports.cover.respondents'), results.respondents],
		[t('exports.cover.period'), period(results, t)],
		[t('exports.cover.languages'), languages],
		[t('exports.cover.created'), created],
		[],
		[t('exports.suppressedNote', { k: results.k })]
	];
	return rows;
}

/** The cover, then a sheet per closed question (単純集計), then one per cross-tab. */
export function resultSheets(
	results: SurveyResults,
	lang: string,
	created: string,
	t: Translate
): Sheet[] {
	const def = results.definition;
	const sheet = (kind: string, q: ClosedQuestion) => `${t(`exports.sheets.${kind}`)} ${q.key}`;
	return [
		{ name: t('exports.sheets.cover'), rows: coverRows(results, lang, created, t) },
		...closedQuestions(def).map((q) => ({
			name: sheet('question', q),
			rows: questionRows(q, questionTables(q, results.counts, results.respondents, lang), lang, t)
		})),
		...crosstabQuestions(def).map((q) => ({
			name: sheet('crosstab', q),
			rows: questionCrosstabRows(results, q, lang, t)
		}))
	];
}
