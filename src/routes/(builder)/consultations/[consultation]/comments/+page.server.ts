import { fail } from '@sveltejs/kit';
import { RpcError } from '$lib/server/rpc/types';
import { editedConsultation } from '../consultation.server';
import { groupForm, reviewForm } from './review-form';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

export const load: PageServerLoad = async ({ locals, params }) => ({
	consultation: await editedConsultation(locals, params.consultation)
});

/** A refusal SQL explains (a group or section of another consultation) as a 400. */
function refused(error: unknown, form: string, target: string | null) {
	if (error instanceof RpcError && error.code === '22023') {
		return fail(400, { form, target, error: 'pubcom.review.error.invalid' });
	}
	throw error;
}

export const actions: Actions = {
	review: async ({ locals, params, request }) => {
		const c = await editedConsultation(locals, params.consultation);
		const parsed = reviewForm.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		if (!parsed.success) {
			return fail(400, { form: 'review', target: null, error: 'pubcom.review.error.invalid' });
		}
		const f = parsed.data;
		if (!c.comments.some((m) => m.id === f.comment)) {
			return fail(404, { form: 'review', target: null, error: 'errors.notFound' });
		}
		try {
			await locals.backend.consultations.review(f.comment, {
				sectionId: f.section,
				kind: f.kind,
				groupId: f.group,
				summary: f.summary,
				response: f.response,
				revised: f.revised,
				revisionNote: f.revision_note
			});
		} catch (error) {
			return refused(error, 'review', f.comment);
		}
		return { form: 'review', target: f.comment, saved: true };
	},

	group: async ({ locals, params, request }) => {
		const c = await editedConsultation(locals, params.consultation);
		const parsed = groupForm.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		if (!parsed.success) {
			return fail(400, { form: 'group', target: null, error: 'pubcom.review.error.groupSummary' });
		}
		const f = parsed.data;
		try {
			const id = await locals.backend.consultations.saveGroup(c.id, f.group, {
				sectionId: f.section,
				summary: f.summary,
				response: f.response,
				revised: f.revised,
				revisionNote: f.revision_note
			});
			return { form: 'group', target: id, saved: true };
		} catch (error) {
			return refused(error, 'group', f.group);
		}
	}
};
