import { error, fail } from '@sveltejs/kit';
import { fieldErrors, readForm, textOf } from '$lib/server/form';
import { ENTRY_FIELDS, entryForm } from './entry-form';
import type { Actions, PageServerLoad } from './$types';

async function keyed(locals: App.Locals, id: string) {
	const c = /^[0-9a-f-]{36}$/.test(id) ? await locals.backend.consultations.read(id) : null;
	if (!c) error(404, { message: locals.t('errors.notFound') });
	return c;
}

const today = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

export const load: PageServerLoad = async ({ locals, params }) => {
	const c = await keyed(locals, params.consultation);
	return { consultation: { id: c.id, title: c.title, sections: c.sections }, today: today() };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const c = await keyed(locals, params.consultation);
		const raw = Object.fromEntries(await readForm(request, locals.t));
		const values = {
			channel: textOf(raw.channel),
			received_on: textOf(raw.received_on),
			section: textOf(raw.section),
			body: textOf(raw.body),
			name: textOf(raw.name),
			address: textOf(raw.address),
			consent: raw.consent !== undefined
		};
		const parsed = entryForm.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				values,
				errors: fieldErrors(parsed.error.issues, ENTRY_FIELDS, 'pubcom.entry.error')
			});
		}
		const f = parsed.data;
		const result = await locals.backend.consultations.enter(c.id, {
			sectionId: f.section,
			channel: f.channel,
			receivedOn: f.received_on,
			body: f.body,
			name: f.name,
			address: f.address,
			consent: f.consent
		});
		if (!result.ok) {
			const field =
				result.reason === 'section_unknown' ? 'section' : result.reason.replace(/_required$/, '');
			return fail(400, { values, errors: { [field]: `pubcom.entry.error.${field}` } });
		}
		return { entered: result.no };
	}
};
