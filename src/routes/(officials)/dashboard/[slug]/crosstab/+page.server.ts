import { error } from '@sveltejs/kit';
import { STRATUM_BREAKDOWN } from '$lib/domain/breakdown';
import { parseBreakdownQuery } from '$lib/domain/breakdown-query';
import { allQuestions } from '$lib/domain/questionnaire';
import { closedQuestions, itemsOf } from '$lib/domain/tables';
import type { PageServerLoad } from './$types';

/** Any closed question by a breakdown, filtered: the whole view is in the query string. */
export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('koe:results');
	const { backend } = locals;
	const survey = await backend.surveys.published(params.slug);
	if (!survey) error(404, { message: locals.t('survey.notFound') });
	const { strata, breakdowns = [] } = survey.definition;

	const targets = closedQuestions(survey.definition)
		.filter((q) => q.key !== strata.district && q.key !== strata.ageGroup)
		.flatMap((q) => itemsOf(q, locals.locale).map(({ item }) => `${q.key}|${item}`));
	// Breakdowns by question key; the strata questions stand for their columns.
	const keys = allQuestions(survey.definition).map((q) => q.key);
	const byOptions = [strata.district, strata.ageGroup, ...breakdowns].filter(
		(k): k is string => k !== undefined && keys.includes(k)
	);
	const names = await backend.surveys.strata(survey.id);
	const query = parseBreakdownQuery(url.searchParams, {
		targets,
		by: byOptions,
		districts: names.districts.map((d) => d.code),
		ageGroups: names.ageGroups.map((a) => a.code)
	});
	const target = query.target ?? targets[0] ?? null;
	const by = query.by ?? byOptions[0] ?? null;
	const sqlBy =
		by === strata.district
			? STRATUM_BREAKDOWN.district
			: by === strata.ageGroup
				? STRATUM_BREAKDOWN.ageGroup
				: by;
	const [question, item = ''] = (target ?? '').split('|');
	const [cells, overview] = await Promise.all([
		target && sqlBy ? backend.results.breakdown(survey.id, { question, item }, sqlBy, query) : [],
		backend.results.overview(survey.id)
	]);
	return {
		survey: { slug: survey.slug, title: survey.title, definition: survey.definition },
		names,
		targets,
		byOptions,
		query: { ...query, target, by },
		cells,
		minCellSize: overview?.min_cell_size ?? 5
	};
};
