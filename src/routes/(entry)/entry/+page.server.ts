import type { PageServerLoad } from './$types';

// A draft has no published version to key sheets against; a closed survey still
// takes the sheets that arrive late by post.
// Public comments take the letters, faxes and emails that arrive, open or not.
export const load: PageServerLoad = async ({ locals }) => ({
	surveys: (await locals.backend.surveys.listForStaff()).filter((s) => s.status !== 'draft'),
	consultations: await locals.backend.consultations.list()
});
