import { error } from '@sveltejs/kit';
import { allQuestions, local } from '$lib/domain/questionnaire';
import { compareWaves } from '$lib/domain/trends';
import type { PageServerLoad } from './$types';

/** Trends against an earlier wave the caller may read, chosen by ?from=<slug> (a shareable URL). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { backend } = locals;
	const survey = await backend.surveys.published(params.slug);
	if (!survey) error(404, { message: locals.t('survey.notFound') });
	const others = (await backend.surveys.listForStaff()).filter((s) => s.slug !== survey.slug);
	const from = others.find((s) => s.slug === url.searchParams.get('from'));
	const earlier = from ? await backend.surveys.published(from.slug) : null;

	const current = { slug: survey.slug, title: survey.title };
	const choices = others.map((s) => ({ slug: s.slug, title: s.title }));
	if (!earlier) return { survey: current, others: choices, from: null, trends: null, names: {} };

	const [countsNow, respondentsNow, countsBefore, respondentsBefore] = await Promise.all([
		backend.results.questionCounts(survey.id),
		backend.results.respondents(survey.id),
		backend.results.questionCounts(earlier.id),
		backend.results.respondents(earlier.id)
	]);
	const trends = compareWaves(
		{ definition: survey.definition, counts: countsNow, respondents: respondentsNow },
		{ definition: earlier.definition, counts: countsBefore, respondents: respondentsBefore },
		locals.locale
	);
	// The wording of questions asked in only one wave, for the lists under the tables.
	const names = Object.fromEntries(
		[...allQuestions(earlier.definition), ...allQuestions(survey.definition)].map((q) => [
			q.key,
			local(q.text, locals.locale)
		])
	);
	return {
		survey: current,
		others: choices,
		from: { slug: earlier.slug, title: earlier.title, respondents: respondentsBefore },
		respondents: respondentsNow,
		trends,
		names
	};
};
