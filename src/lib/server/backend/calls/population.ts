import type { Transports } from '$lib/server/rpc/types';
import type { PopulationApi, PopulationRow, PopulationSaveResult } from '../weighting-types';

export function populationOf({ caller }: Transports): PopulationApi {
	return {
		get: async (surveyId) => {
			const found = await caller<{ editable: boolean; rows: PopulationRow[] } | null>(
				'survey_population',
				{ p_survey_id: surveyId }
			);
			return {
				editable: found?.editable ?? false,
				rows: (found?.rows ?? []).map((r) => ({ ...r, population: Number(r.population) }))
			};
		},
		save: (surveyId, rows) =>
			caller<PopulationSaveResult>('population_save', { p_survey_id: surveyId, p_rows: rows })
	};
}
