import { fail, redirect } from '@sveltejs/kit';
import { RpcError } from '$lib/server/rpc/types';
import { fieldErrors, readForm, textOf } from '$lib/server/form';
import { settingsForm, SETTINGS_FIELDS } from './forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	consultations: await locals.backend.consultations.list()
});

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const raw = Object.fromEntries(await readForm(request, locals.t));
		const values = Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, textOf(raw[f])]));
		const parsed = settingsForm.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				values,
				errors: fieldErrors(parsed.error.issues, SETTINGS_FIELDS, 'pubcom.staff.error')
			});
		}
		const f = parsed.data;
		let id: string;
		try {
			id = await locals.backend.consultations.save(null, textOf(raw.org), {
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
				return fail(409, { values, errors: { slug: 'pubcom.staff.error.slugTaken' } });
			}
			if (error instanceof RpcError && error.code === '42501') {
				return fail(403, { values, errors: { slug: 'errors.forbidden' } });
			}
			throw error;
		}
		redirect(303, `/consultations/${id}`);
	}
};
