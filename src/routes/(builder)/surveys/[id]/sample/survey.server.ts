import { error } from '@sveltejs/kit';
import { z } from 'zod';

const surveyId = z.guid();

/**
 * The survey whose sample is managed and the sample's summary; a 404 for a
 * malformed id and for anyone who is not an editor of the survey.
 */
export async function editedSample(locals: App.Locals, id: string) {
	if (!surveyId.safeParse(id).success) error(404, { message: locals.t('builder.notFound') });
	const [survey, summary] = await Promise.all([
		locals.backend.builder.get(id),
		locals.backend.samples.summary(id)
	]);
	if (!survey || !summary) error(404, { message: locals.t('builder.notFound') });
	return { survey: { id: survey.id, slug: survey.slug, title: survey.title }, summary };
}
