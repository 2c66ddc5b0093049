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
	const results = await loadResults(locals, survey, [...crosstabbed, ...dual]);
	return { slug: survey.slug, results, crosstabbed, dual, created: today() };
};
