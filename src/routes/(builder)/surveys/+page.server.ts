import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { readForm, textOf } from '$lib/server/form';
import { starterDefinition } from './starter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	surveys: await locals.backend.surveys.listForStaff()
});

const newSurvey = z.object({
	org: z.uuid(),
	slug: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/),
	title_ja: z.string().trim().min(1).max(200),
	title_en: z.string().trim().max(200).optional()
});

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const raw = Object.fromEntries(await readForm(request, locals.t));
		const parsed = newSurvey.safeParse(raw);
		const values = { slug: textOf(raw.slug), title_ja: textOf(raw.title_ja) };
		if (!parsed.success) {
			const field = parsed.error.issues[0]?.path[0]?.toString() ?? 'slug';
			return fail(400, { ...values, field, error: `builder.error.${field}` });
		}
		const { org, slug, title_ja, title_en } = parsed.data;
		const title: Record<string, string> & { ja: string } = { ja: title_ja };
		if (title_en) title.en = title_en;
		const created = await locals.backend.builder.create(org, slug, title, starterDefinition());
		if (!created.ok)
			return fail(400, { ...values, field: 'slug', error: `builder.error.${created.reason}` });
		redirect(303, `/surveys/${created.value}`);
	}
};
