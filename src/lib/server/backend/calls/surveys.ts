import { definition as definitionSchema } from '$lib/domain/questionnaire';
import type { Transports } from '$lib/server/rpc/types';
import type { Backend, PublishedSurvey, Stratum, SurveySummary } from '../types';

export function surveysOf({ caller }: Transports): Backend['surveys'] {
	return {
		listOpen: () => caller<SurveySummary[]>('surveys_open'),
		published: async (slug, versionId) => {
			const [row] = await caller<(Omit<PublishedSurvey, 'definition'> & { definition: unknown })[]>(
				'survey_published',
				{ p_slug: slug, p_version_id: versionId ?? null }
			);
			return row ? { ...row, definition: definitionSchema.parse(row.definition) } : null;
		},
		listForStaff: () => caller<SurveySummary[]>('surveys_for_staff'),
		strata: (surveyId) =>
			caller<{ districts: Stratum[]; ageGroups: Stratum[] }>('survey_strata', {
				p_survey_id: surveyId
			}),
		hasDemoData: async (surveyId) =>
			(await caller<boolean | null>('survey_has_demo_data', { p_survey_id: surveyId })) ?? false
	};
}
