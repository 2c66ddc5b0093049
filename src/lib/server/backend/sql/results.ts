import type { Backend, TextAnswer } from '../types';
import { counted, type Runner } from './runner';

/** Like counted, keeping null: a cell hidden by small-cell suppression. */
const shown = <R extends { n: string | null }>(rows: R[]) =>
	rows.map((row) => ({ ...row, n: row.n === null ? null : Number(row.n) }));

export function resultsOf({ run }: Runner): Backend['results'] {
	return {
		questionCounts: (surveyId) =>
			run(async (q) =>
				counted(
					await q<{ question_key: string; item: string; choice: string; n: string }>(
						'select * from public.results_question_counts($1)',
						[surveyId]
					)
				)
			),
		crosstab: (surveyId, questionKey) =>
			run(async (q) =>
				shown(
					await q<{
						district: string;
						age_group: string;
						item: string;
						choice: string;
						n: string | null;
					}>('select * from public.results_crosstab($1, $2)', [surveyId, questionKey])
				)
			),
		strata: (surveyId) =>
			run(async (q) =>
				shown(
					await q<{ district: string; age_group: string; n: string | null }>(
						'select * from public.results_strata($1)',
						[surveyId]
					)
				)
			),
		respondents: (surveyId) =>
			run(async (q) => {
				const [row] = await q<{ n: string }>('select public.results_respondents($1) as n', [
					surveyId
				]);
				return Number(row?.n ?? 0);
			}),
		texts: (surveyId, questionKey, search) =>
			run((q) =>
				q<TextAnswer>('select * from public.results_texts($1, $2, $3, 200)', [
					surveyId,
					questionKey,
					search
				])
			),
		mayReadRaw: (surveyId) =>
			run(async (q) => {
				const [row] = await q<{ ok: boolean }>(
					'select public.can_read_raw(public.survey_org($1)) as ok',
					[surveyId]
				);
				return row?.ok ?? false;
			})
	};
}
