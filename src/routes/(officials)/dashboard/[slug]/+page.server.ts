import { error } from '@sveltejs/kit';
import { closedQuestions, itemsOf } from '$lib/domain/tables';
import { csDimensions, SCORINGS, type Scoring } from '$lib/domain/cs-analysis';
import { loadAnalysis } from './analysis';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, depends }) => {
	depends('koe:results');
	const { backend } = locals;
	const survey = await backend.surveys.published(params.slug);
	if (!survey) error(404, { message: locals.t('survey.notFound') });

	// The cross-tab target comes from the query string (a shareable URL); anything
	// that is not an item of a closed question falls back to the first one.
	const targets = closedQuestions(survey.definition)
		.filter((q) => q.key !== survey.definition.strata.district)
		.filter((q) => q.key !== survey.definition.strata.ageGroup)
		.flatMap((q) => itemsOf(q, locals.locale).map(({ item }) => ({ question: q.key, item })));
	const [question, item = ''] = (url.searchParams.get('target') ?? '').split('|');
	const asked = targets.find((t) => t.question === question && t.item === item);
	const target = asked ?? targets[0];

	// CS analysis of every dual matrix, filtered through the same shareable URL.
	const dual = closedQuestions(survey.definition).filter(
		(q) => q.type === 'matrix' && csDimensions(q) !== null
	);
	const [respondents, counts, strata, names, demo, cells, csCells, analysis, rates] =
		await Promise.all([
			backend.results.respondents(survey.id),
			backend.results.questionCounts(survey.id),
			backend.results.strata(survey.id),
			backend.surveys.strata(survey.id),
			backend.surveys.hasDemoData(survey.id),
			target ? backend.results.crosstab(survey.id, target.question) : Promise.resolve([]),
			Promise.all(dual.map((q) => backend.results.crosstab(survey.id, q.key))),
			loadAnalysis(backend, survey.id, survey.definition),
			backend.samples.responseRate(survey.id)
		]);
	const param = (name: string, allowed: string[]) => {
		const value = url.searchParams.get(name) ?? '';
		return allowed.includes(value) ? value : '';
	};
	const cs = {
		district: param(
			'cs_district',
			names.districts.map((d) => d.code)
		),
		ageGroup: param(
			'cs_age',
			names.ageGroups.map((a) => a.code)
		),
		scoring: (param('cs_scoring', SCORINGS) || 'mean') as Scoring,
		cells: Object.fromEntries(dual.map((q, i) => [q.key, csCells[i]]))
	};
	return {
		survey,
		respondents,
		counts,
		strata,
		names,
		demo,
		target,
		targets,
		cells,
		cs,
		analysis,
		rates
	};
};
