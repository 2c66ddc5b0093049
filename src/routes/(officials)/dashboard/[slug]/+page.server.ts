import { error } from '@sveltejs/kit';
import { closedQuestions, itemsOf } from '$lib/domain/tables';
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

	const [counts, strata, names, demo, cells] = await Promise.all([
		backend.results.questionCounts(survey.id),
		backend.results.strata(survey.id),
		backend.surveys.strata(survey.id),
		backend.surveys.hasDemoData(survey.id),
		target ? backend.results.crosstab(survey.id, target.question) : Promise.resolve([])
	]);
	return { survey, counts, strata, names, demo, target, targets, cells };
};
