import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { definition as definitionSchema } from '$lib/domain/questionnaire';
import { problemsOf } from '$lib/domain/definition-problems';
import { readForm, textOf } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const survey = await locals.backend.builder.get(params.id);
	if (!survey) error(404, { message: locals.t('builder.notFound') });
	return { survey };
};

/** Parses a definition sent as JSON text; problems come back as message keys. */
function parseDefinition(raw: string) {
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return {
			ok: false as const,
			problems: [{ key: 'builder.problem.json', values: {}, path: '' }]
		};
	}
	const result = definitionSchema.safeParse(json);
	return result.success
		? { ok: true as const, definition: result.data }
		: { ok: false as const, problems: problemsOf(result.error.issues) };
}

const schedule = z.object({
	status: z.enum(['draft', 'open', 'closed', 'archived']),
	opens_at: z.string().optional(),
	closes_at: z.string().optional()
});
const whenOf = (value: string | undefined) => (value ? new Date(`${value}:00+09:00`) : null);

export const actions: Actions = {
	/** Saves the draft; a definition with problems is refused whole. */
	save: async ({ locals, params, request }) => {
		const parsed = parseDefinition(textOf((await readForm(request, locals.t)).get('definition')));
		if (!parsed.ok) return fail(400, { problems: parsed.problems });
		const saved = await locals.backend.builder.saveDraft(params.id, parsed.definition);
		if (!saved.ok) return fail(403, { error: `builder.error.${saved.reason}` });
		return { done: 'builder.saved' };
	},
	/** Import: the same as save, from pasted JSON (works without JavaScript). */
	import: async ({ locals, params, request }) => {
		const raw = textOf((await readForm(request, locals.t)).get('json'));
		const parsed = parseDefinition(raw);
		if (!parsed.ok) return fail(400, { problems: parsed.problems, json: raw });
		const saved = await locals.backend.builder.saveDraft(params.id, parsed.definition);
		if (!saved.ok) return fail(403, { error: `builder.error.${saved.reason}` });
		return { done: 'builder.imported' };
	},
	publish: async ({ locals, params }) => {
		const survey = await locals.backend.builder.get(params.id);
		if (!survey) error(404, { message: locals.t('builder.notFound') });
		const result = definitionSchema.safeParse(survey.definition);
		if (!result.success) return fail(400, { problems: problemsOf(result.error.issues) });
		const published = await locals.backend.builder.publish(params.id);
		if (!published.ok) return fail(409, { error: `builder.error.${published.reason}` });
		return { done: 'builder.published' };
	},
	/** Publishes or withdraws the survey's results at /results/<slug> (SQL checks the role). */
	results: async ({ locals, params, request }) => {
		const parsed = z
			.object({ published: z.enum(['true', 'false']) })
			.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		if (!parsed.success) return fail(400, { error: 'builder.error.forbidden' });
		const published = parsed.data.published === 'true';
		const done = await locals.backend.publicResults.setPublished(params.id, published);
		if (!done.ok) return fail(403, { error: 'publicResults.toggle.forbidden' });
		return {
			done: done.published ? 'publicResults.toggle.published' : 'publicResults.toggle.unpublished'
		};
	},
	schedule: async ({ locals, params, request }) => {
		const parsed = schedule.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		if (!parsed.success) return fail(400, { error: 'builder.error.schedule' });
		const opens = whenOf(parsed.data.opens_at);
		const closes = whenOf(parsed.data.closes_at);
		if (
			[opens, closes].some((d) => d && Number.isNaN(d.getTime())) ||
			(opens && closes && closes <= opens)
		) {
			return fail(400, { error: 'builder.error.schedule' });
		}
		const done = await locals.backend.builder.setSchedule(
			params.id,
			parsed.data.status,
			opens,
			closes
		);
		return done.ok
			? { done: 'builder.scheduled' }
			: fail(403, { error: `builder.error.${done.reason}` });
	},
	duplicate: async ({ locals, params, request }) => {
		const form = await readForm(request, locals.t);
		const slug = textOf(form.get('slug'));
		const title = textOf(form.get('title_ja')).trim();
		if (!/^[a-z0-9][a-z0-9-]{2,63}$/.test(slug) || !title) {
			return fail(400, { error: 'builder.error.slug' });
		}
		const copy = await locals.backend.builder.duplicate(params.id, slug, { ja: title });
		if (!copy.ok) return fail(400, { error: `builder.error.${copy.reason}` });
		redirect(303, `/surveys/${copy.value}`);
	}
};
