import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	surveys: await locals.backend.surveys.listForStaff()
});
