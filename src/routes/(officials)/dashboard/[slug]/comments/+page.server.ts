import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { allQuestions } from '$lib/domain/questionnaire';
import type { PageServerLoad } from './$types';

const query = z.object({
	q: z.string().max(40).optional().catch(undefined),
	search: z.string().trim().max(100).optional().catch(undefined)
});

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const survey = await locals.backend.surveys.published(params.slug);
	if (!survey) error(404, { message: locals.t('survey.notFound') });
	const questions = allQuestions(survey.definition).filter((q) => q.type === 'text');
	const asked = query.parse(Object.fromEntries(url.searchParams));
	const question = questions.find((q) => q.key === asked.q) ?? questions[0];
	const search = asked.search || null;
	const answers = question
		? await locals.backend.results.texts(survey.id, question.key, search)
		: [];
	// Row-level security already returns nothing to roles without raw-data rights;
	// this only decides whether to explain that or to say "no answers".
	const mayRead = await locals.backend.results.mayReadRaw(survey.id);
	return { survey, questions, question, search, answers, mayRead };
};
