import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Export: the newest definition as a JSON file (docs/questionnaire-format.md). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const survey = await locals.backend.builder.get(params.id);
	if (!survey) error(404, { message: locals.t('builder.notFound') });
	return new Response(JSON.stringify(survey.definition, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${survey.slug}.json"`
		}
	});
};
