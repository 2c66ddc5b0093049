import type { Backend, TextAnswer } from '../types';
import { counted, type Runner } from './runner';

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
				counted(
					await q<{
						district: string;
						age_group: string;
						item: string;
						choice: string;
						n: string;
					}>('select * from public.results_crosstab($1, $2)', [surveyId, questionKey])
				)
			),
		strata: (surveyId) =>
			run(async (q) =>
				counted(
					await q<{ district: string; age_group: string; n: string }>(
						'select * from public.results_strata($1)',
						[surveyId]
					)
				)
			),
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
