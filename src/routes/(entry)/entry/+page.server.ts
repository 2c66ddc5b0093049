import type { PageServerLoad } from './$types';

// A draft has no published version to key sheets against; a closed survey still
// takes the sheets that arrive late by post.
export const load: PageServerLoad = async ({ locals }) => ({
	surveys: (await locals.backend.surveys.listForStaff()).filter((s) => s.status !== 'draft')
});
