import { error } from '@sveltejs/kit';

/**
 * The published survey whose paper sheets are keyed in (a version of it, when a
 * form names the one it was built from), and how: 404 without a published
 * version, 403 for staff who do not key in this survey's organisation.
 */
export async function entrySurvey(locals: App.Locals, slug: string, versionId?: string) {
	const survey = await locals.backend.surveys.published(slug, versionId);
	if (!survey) error(404, { message: locals.t('survey.notFound') });
	const settings = await locals.backend.paper.settings(survey.id);
	if (!settings) error(403, { message: locals.t('errors.forbidden') });
	return { survey, settings, rules: { tooMany: settings.tooMany } };
}
