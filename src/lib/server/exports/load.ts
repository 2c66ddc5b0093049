/** Reads what exports and the report need, through the caller's backend (their rights, in SQL). */
import { error } from '@sveltejs/kit';
import { crosstabQuestions, japanDate, type SurveyResults } from '$lib/domain/exports/workbook';
import type { PublishedSurvey } from '$lib/server/backend/types';

/** The published survey behind a dashboard URL, or a 404. */
export async function surveyOf(locals: App.Locals, slug: string): Promise<PublishedSurvey> {
	const survey = await locals.backend.surveys.published(slug);
	if (!survey) error(404, { message: locals.t('survey.notFound') });
	return survey;
}

/**
 * Counts, stratum totals and cross-tabs. `crosstabs` names the questions whose
 * cross-tab to read (each is one call, O(cells)); by default every one.
 */
export async function loadResults(
	locals: App.Locals,
	survey: PublishedSurvey,
	crosstabs: string[] = crosstabQuestions(survey.definition).map((q) => q.key)
): Promise<SurveyResults> {
	const { results, surveys } = locals.backend;
	const [respondents, counts, strata, names, overview, cells] = await Promise.all([
		results.respondents(survey.id),
		results.questionCounts(survey.id),
		results.strata(survey.id),
		surveys.strata(survey.id),
		results.overview(survey.id),
		Promise.all(crosstabs.map((key) => results.crosstab(survey.id, key)))
	]);
	return {
		title: survey.title,
		organization: survey.organization,
		definition: survey.definition,
		respondents,
		counts,
		strata,
		districts: names.districts,
		ageGroups: names.ageGroups,
		crosstabs: Object.fromEntries(crosstabs.map((key, i) => [key, cells[i]])),
		k: overview?.min_cell_size ?? 5,
		opensAt: overview?.opens_at ?? null,
		closesAt: overview?.closes_at ?? null
	};
}

/** Today in Japan, for the file names and the cover: `YYYY-MM-DD`. */
export const today = () => japanDate(new Date());
