import type { Transports } from '$lib/server/rpc/types';
import type {
	Backend,
	CountRow,
	CrosstabRow,
	ExportOverview,
	RawResponse,
	StratumCount,
	TextAnswer
} from '../types';
import type { NumberValueCount, QuestionStratumCell } from '../weighting-types';
import type { BreakdownCell } from '$lib/domain/breakdown';

export function resultsOf({ caller }: Transports): Backend['results'] {
	const survey = (surveyId: string) => ({ p_survey_id: surveyId });
	return {
		questionCounts: (surveyId) => caller<CountRow[]>('results_question_counts', survey(surveyId)),
		crosstab: (surveyId, questionKey) =>
			caller<CrosstabRow[]>('results_crosstab', {
				p_survey_id: surveyId,
				p_question_key: questionKey
			}),
		strata: (surveyId) => caller<StratumCount[]>('results_strata', survey(surveyId)),
		respondents: async (surveyId) =>
			Number((await caller<number | null>('results_respondents', survey(surveyId))) ?? 0),
		texts: (surveyId, questionKey, search) =>
			caller<TextAnswer[]>('results_texts', {
				p_survey_id: surveyId,
				p_question_key: questionKey,
				p_search: search,
				p_limit: 200
			}),
		mayReadRaw: async (surveyId) =>
			(await caller<boolean | null>('survey_raw_readable', survey(surveyId))) ?? false,
		overview: async (surveyId) =>
			(await caller<ExportOverview[]>('export_overview', survey(surveyId)))[0] ?? null,
		rawResponses: (surveyId) => caller<RawResponse[]>('export_raw_responses', survey(surveyId)),
		crosstabAll: (surveyId) =>
			caller<QuestionStratumCell[]>('results_crosstab_all', survey(surveyId)),
		numberDistribution: (surveyId, questionKey) =>
			caller<NumberValueCount[]>('results_number_distribution', {
				p_survey_id: surveyId,
				p_question_key: questionKey
			}),
		breakdown: (surveyId, target, by, filter) =>
			caller<BreakdownCell[]>('results_breakdown', {
				p_survey_id: surveyId,
				p_question_key: target.question,
				p_item: target.item,
				p_by: by,
				p_district: filter.district,
				p_age_group: filter.ageGroup,
				p_source: filter.source,
				p_from: filter.from,
				p_to: filter.to
			})
	};
}
