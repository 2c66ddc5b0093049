/**
 * The table of opinions and the city's views (意見の概要と市の考え方) as cells,
 * for CSV and XLSX: the same columns as the public page, summaries only.
 */
import type { Cell, Translate } from './cells';

export interface OpinionRow {
	nos: number[];
	section: string | null;
	summary: string;
	response: string;
	revised: boolean | null;
	revisionNote: string;
}

/** 修正あり / 修正なし / 検討中 in the reader's language. */
export const revisedLabel = (revised: boolean | null, t: Translate) =>
	t(`pubcom.results.revised.${revised === null ? 'pending' : String(revised)}`);

export function opinionCells(rows: OpinionRow[], t: Translate): Cell[][] {
	const column = (key: string) => t(`pubcom.results.columns.${key}`);
	return [
		['no', 'section', 'summary', 'response', 'revised', 'revisionNote'].map(column),
		...rows.map((r) => [
			r.nos.join(', '),
			r.section ?? t('pubcom.results.whole'),
			r.summary,
			r.response,
			revisedLabel(r.revised, t),
			r.revisionNote
		])
	];
}
