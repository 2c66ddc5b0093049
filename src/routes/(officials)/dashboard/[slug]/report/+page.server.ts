import { csDimensions } from '$lib/domain/cs-analysis';
import { crosstabQuestions } from '$lib/domain/exports/workbook';
import { loadResults, surveyOf, today } from '$lib/server/exports/load';
import type { PageServerLoad } from './$types';

// The printable report: everything server-rendered, so it prints the same with
// JavaScript off. Cross-tabs of every closed question except matrices (their
// 施策 are summarised by the CS analysis), plus the dual matrices for it.
export const load: PageServerLoad = async ({ locals, params }) => {
	const survey = await surveyOf(locals, params.slug);
	const questions = crosstabQuestions(survey.definition);
	const crosstabbed = questions.filter((q) => q.type !== 'matrix').map((q) => q.key);
	const dual = questions
		.filter((q) => q.type === 'matrix' && csDimensions(q) !== null)
		.map((q) => q.key);
	const [results, rates] = await Promise.all([
		loadResults(locals, survey, [...crosstabbed, ...dual]),
		// 回収率, when letters were mailed: a report states it next to the respondents
		locals.backend.samples.responseRate(survey.id)
	]);
	return { slug: survey.slug, results, rates, crosstabbed, dual, created: today() };
};
