import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Anyone may read a survey's results once editors publish them; until then the
// page does not exist. SQL decides both, and sends suppressed aggregates only.
export const load: PageServerLoad = async ({ locals, params }) => {
	const results = await locals.backend.publicResults.read(params.slug);
	if (!results) error(404, { message: locals.t('publicResults.notPublished') });
	return { results };
};
