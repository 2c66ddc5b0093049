import { fail } from '@sveltejs/kit';
import { joinDraft, splitDraft } from '$lib/domain/markdown';
import { RpcError } from '$lib/server/rpc/types';
import { fieldErrors, readForm, textOf } from '$lib/server/form';
import { settingsForm, SETTINGS_FIELDS } from '../forms';
import { editedConsultation } from './consultation.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const consultation = await editedConsultation(locals, params.consultation);
	return { consultation, draft: joinDraft(consultation.sections) };
};

const MAX_DRAFT = 200_000;

export const actions: Actions = {
	settings: async ({ locals, params, request }) => {
		const c = await editedConsultation(locals, params.consultation);
		const raw = Object.fromEntries(await readForm(request, locals.t));
		const values = Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, textOf(raw[f])]));
		const parsed = settingsForm.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				form: 'settings' as const,
				values,
				errors: fieldErrors(parsed.error.issues, SETTINGS_FIELDS, 'pubcom.staff.error')
			});
		}
		const f = parsed.data;
		try {
			await locals.backend.consultations.save(c.id, c.orgId, {
				slug: f.slug,
				title: f.title,
				summary: f.summary,
				pdfUrl: f.pdf_url || null,
				opensOn: f.opens_on,
				closesOn: f.closes_on,
				askName: f.ask_name,
				askAddress: f.ask_address
			});
		} catch (error) {
			if (error instanceof RpcError && error.code === '23505') {
				return fail(409, {
					form: 'settings' as const,
					values,
					errors: { slug: 'pubcom.staff.error.slugTaken' }
				});
			}
			throw error;
		}
		return { form: 'settings' as const, saved: true };
	},

	/** The whole draft as one text; each `## ` line starts a section. */
	draft: async ({ locals, params, request }) => {
		const c = await editedConsultation(locals, params.consultation);
		const draft = textOf((await readForm(request, locals.t)).get('draft'));
		const sections = splitDraft(draft);
		const problem =
			draft.length > MAX_DRAFT
				? 'tooLong'
				: sections.length === 0
					? 'empty'
					: sections.some((s) => s.heading === '' || [...s.heading].length > 200)
						? 'heading'
						: sections.some((s) => [...s.body].length > 50_000)
							? 'tooLong'
							: null;
		if (problem) return fail(400, { form: 'draft' as const, draft, error: problem });
		const saved = await locals.backend.consultations.saveSections(c.id, sections);
		if (!saved.ok) return fail(409, { form: 'draft' as const, draft, error: 'hasComments' });
		return { form: 'draft' as const, saved: true };
	},

	publish: async ({ locals, params, request }) => {
		const c = await editedConsultation(locals, params.consultation);
		const data = await readForm(request, locals.t);
		const flag = (name: string) => (data.has(name) ? data.get(name) === 'on' : undefined);
		await locals.backend.consultations.publish(c.id, {
			published: flag('published'),
			results: flag('results')
		});
		return { form: 'publish' as const, saved: true };
	}
};
