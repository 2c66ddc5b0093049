import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const survey = await locals.backend.surveys.published(params.slug);
	if (!survey) error(404, { message: locals.t('survey.notFound') });
	return { title: survey.title, slug: survey.slug };
};
