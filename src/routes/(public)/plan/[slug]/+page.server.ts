import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Where the plan stands (策定状況), for anyone; links only to what is public.
export const load: PageServerLoad = async ({ locals, params }) => {
	const plan = await locals.backend.plans.readPublic(params.slug);
	if (!plan) error(404, { message: locals.t('plans.notFound') });
	return { plan };
};
