import { definition as definitionSchema } from '$lib/domain/questionnaire';
import type { Transports } from '$lib/server/rpc/types';
import type { Backend, PublishedSurvey, Stratum, SurveySummary } from '../types';

/**
 * Parsed definitions of published versions, by version id. A published version
 * never changes (the survey_versions_immutable trigger), and a resident's every
 * page asks for it, so each process parses one once and freezes it, since
 * every request then shares it. Bounded: the oldest goes.
 */
const parsedDefinitions = new Map<string, PublishedSurvey['definition']>();
const PARSED_DEFINITIONS_KEPT = 64;

/** Freezes a value and everything in it: a shared definition must not be changed by one request. */
function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

function parsedDefinition(versionId: string, raw: unknown): PublishedSurvey['definition'] {
	const known = parsedDefinitions.get(versionId);
	if (known) return known;
	const parsed = deepFreeze(definitionSchema.parse(raw));
	if (parsedDefinitions.size >= PARSED_DEFINITIONS_KEPT) {
		parsedDefinitions.delete(parsedDefinitions.keys().next().value!);
	}
	parsedDefinitions.set(versionId, parsed);
	return parsed;
}

export function surveysOf({ caller }: Transports): Backend['surveys'] {
	return {
		listOpen: () => caller<SurveySummary[]>('surveys_open'),
		published: async (slug, versionId) => {
			const [row] = await caller<(Omit<PublishedSurvey, 'definition'> & { definition: unknown })[]>(
				'survey_published',
				{ p_slug: slug, p_version_id: versionId ?? null }
			);
			return row ? { ...row, definition: parsedDefinition(row.versionId, row.definition) } : null;
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
