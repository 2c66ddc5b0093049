/** Tables of counted results as exports lay them out: rows of cells, labelled per language. */
import { local } from '../questionnaire';
import { choicesOf, closedQuestions, itemsOf, questionTables, type Count } from '../tables';
import type { ClosedQuestion, ItemTable } from '../tables';
import type { Definition } from '../questionnaire';
import { anyHidden, type CrosstabRow } from '../crosstab';
import { HIDDEN, oneDecimal, type Cell, type Translate } from './cells';

const col = (t: Translate, key: string) => t(`exports.columns.${key}`);
const pct = (n: number, base: number) => (base > 0 ? oneDecimal((100 * n) / base) : 0);

/** 単純集計 of every closed question as one long table: a row per item and choice, then 無回答. */
export function simpleTable(
	def: Definition,
	counts: Count[],
	respondents: number,
	lang: string,
	t: Translate
): Cell[][] {
	const header = [
		'questionKey',
		'question',
		'item',
		'choiceCode',
		'choice',
		'n',
		'percent',
		'base'
	];
	const rows: Cell[][] = [header.map((key) => col(t, key))];
	for (const q of closedQuestions(def)) {
		const text = local(q.text, lang);
		for (const table of questionTables(q, counts, respondents, lang)) {
			const start = [q.key, text, table.title];
			for (const row of table.rows) {
				rows.push([...start, row.key, row.label, row.n, oneDecimal(row.percent), table.base]);
			}
			const noAnswer = col(t, 'noAnswer');
			rows.push([
				...start,
				'',
				noAnswer,
				table.noAnswer,
				pct(table.noAnswer, table.base),
				table.base
			]);
		}
	}
	return rows;
}

/** One question's 単純集計 for its own sheet: each item a small table under its title. */
export function questionRows(
	q: ClosedQuestion,
	tables: ItemTable[],
	lang: string,
	t: Translate
): Cell[][] {
	const rows: Cell[][] = [[local(q.text, lang)]];
	for (const table of tables) {
		rows.push([]);
		if (table.title) rows.push([table.title]);
		rows.push([col(t, 'choice'), col(t, 'n'), col(t, 'percent')]);
		for (const row of table.rows) rows.push([row.label, row.n, oneDecimal(row.percent)]);
		rows.push([col(t, 'noAnswer'), table.noAnswer, pct(table.noAnswer, table.base)]);
		rows.push([col(t, 'base'), table.base, table.base > 0 ? 100 : 0]);
	}
	return rows;
}

/**
 * A district × age-group cross-tab as the dashboard shows it, each choice as a
 * count and a row percentage. Hidden figures show as `*`, with the footnote
 * explaining k under the table.
 */
export function crosstabRows(
	rows: CrosstabRow[],
	choices: string[],
	caption: string,
	k: number,
	t: Translate
): Cell[][] {
	const shown = (n: number | null): Cell => (n === null ? HIDDEN : n);
	const header: Cell[] = [col(t, 'district'), col(t, 'ageGroup'), col(t, 'base')];
	for (const choice of choices) header.push(choice, `${choice} ${col(t, 'percent')}`);
	header.push(col(t, 'noAnswer'));
	const body = rows.map((row) => [
		row.district.label,
		row.ageGroup ? row.ageGroup.label : col(t, 'subtotal'),
		shown(row.base),
		...row.cells.flatMap((c) => [shown(c.n), c.percent === null ? HIDDEN : oneDecimal(c.percent)]),
		shown(row.noAnswer)
	]);
	const out: Cell[][] = [[caption], header, ...body];
	if (anyHidden(rows)) out.push([t('exports.suppressedNote', { k })]);
	return out;
}

/** The labels of a question's choices, in the order cross-tab cells come in. */
export const choiceLabels = (q: ClosedQuestion, lang: string) =>
	choicesOf(q).map((c) => local(c.label, lang));

/** What a cross-tab of one item is called: a matrix cell by its labels, a rank after the question. */
export function itemCaption(q: ClosedQuestion, item: string, lang: string): string {
	const title = itemsOf(q, lang).find((i) => i.item === item)?.title ?? '';
	if (q.type === 'matrix') return title;
	return title ? `${local(q.text, lang)}（${title}）` : local(q.text, lang);
}
