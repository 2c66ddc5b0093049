import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Anyone may read the table once editors publish it; SQL sends summaries and
// views only, never a sender.
export const load: PageServerLoad = async ({ locals, params }) => {
	const results = await locals.backend.consultations.results(params.slug);
	if (!results) error(404, { message: locals.t('pubcom.results.notPublished') });
	return { results };
};
