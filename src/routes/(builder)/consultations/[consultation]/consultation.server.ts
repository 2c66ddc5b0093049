import { error } from '@sveltejs/kit';

/** The consultation the caller edits, or a 404 (not theirs, or only theirs to key in). */
export async function editedConsultation(locals: App.Locals, id: string) {
	const consultation = /^[0-9a-f-]{36}$/.test(id)
		? await locals.backend.consultations.read(id)
		: null;
	if (!consultation?.editor) error(404, { message: locals.t('errors.notFound') });
	return consultation;
}
