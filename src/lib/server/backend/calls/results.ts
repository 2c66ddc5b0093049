import type { Transports } from '$lib/server/rpc/types';
import type { Backend, CountRow, CrosstabRow, StratumCount, TextAnswer } from '../types';

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
			(await caller<boolean | null>('survey_raw_readable', survey(surveyId))) ?? false
	};
}
