import { randomUUID } from 'node:crypto';
import { error, fail } from '@sveltejs/kit';
import { readForm, textOf } from '$lib/server/form';
import { clientKey } from '$lib/server/security/rate-limit';
import { commentErrors, commentForm, tooFast } from './comment-form';
import type { Actions, PageServerLoad } from './$types';

async function published(locals: App.Locals, slug: string) {
	const consultation = await locals.backend.consultations.readPublic(slug);
	if (!consultation) error(404, { message: locals.t('pubcom.public.notFound') });
	return consultation;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const consultation = await published(locals, params.slug);
	const wanted = url.searchParams.get('section');
	return {
		consultation,
		section: consultation.sections.some((s) => s.id === wanted) ? wanted : '',
		// a fresh key per showing: a resubmitted form finds its first comment
		key: randomUUID(),
		shown: Date.now()
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, getClientAddress }) => {
		const consultation = await published(locals, params.slug);
		const raw = Object.fromEntries(await readForm(request, locals.t));
		const values = {
			section: textOf(raw.section),
			body: textOf(raw.body),
			name: textOf(raw.name),
			address: textOf(raw.address),
			consent: raw.consent !== undefined
		};
		if (consultation.phase !== 'open') return fail(410, { values, refusal: 'closed' });
		const parsed = commentForm({
			name: consultation.askName,
			address: consultation.askAddress
		}).safeParse(raw);
		if (!parsed.success) {
			return fail(400, { values, errors: commentErrors(parsed.error.issues) });
		}
		const form = parsed.data;
		// A filled honeypot is a bot: it is told nothing it could learn from.
		if (form.website !== '') return { done: { no: null } };
		if (tooFast(form.shown)) return fail(429, { values, refusal: 'tooFast' });
		const result = await locals.backend.consultations.submit(
			params.slug,
			{
				sectionId: form.section || null,
				body: form.body,
				name: form.name,
				address: form.address,
				consent: true
			},
			clientKey(getClientAddress()),
			form.key
		);
		if (result.ok) return { done: { no: result.no } };
		if (result.reason === 'rate_limited') return fail(429, { values, refusal: 'rateLimited' });
		if (result.reason === 'closed' || result.reason === 'not_found') {
			return fail(410, { values, refusal: 'closed' });
		}
		const field = result.reason.replace(/_(required|unknown)$/, '') as
			'section' | 'body' | 'name' | 'address' | 'consent';
		return fail(400, { values, errors: { [field]: `pubcom.form.error.${field}` } });
	}
};
