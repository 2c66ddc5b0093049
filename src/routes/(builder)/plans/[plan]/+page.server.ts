import { error, fail } from '@sveltejs/kit';
import { RpcError } from '$lib/server/rpc/types';
import { fieldErrors, readForm, textOf } from '$lib/server/form';
import { PLAN_FIELDS, planForm, readMilestones } from '../plan-form';
import type { Actions, PageServerLoad } from './$types';

/** Blank rows offered below the milestones, for adding without JavaScript. */
const BLANK_ROWS = 2;
const MAX_ROWS = 100;

async function editedPlan(locals: App.Locals, id: string) {
	const plan = (await locals.backend.plans.list()).find((p) => p.id === id);
	if (!plan) error(404, { message: locals.t('errors.notFound') });
	return { ...plan, id };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const plan = await editedPlan(locals, params.plan);
	const [surveys, consultations] = await Promise.all([
		locals.backend.surveys.listForStaff(),
		locals.backend.consultations.list()
	]);
	return { plan, surveys, consultations, blankRows: BLANK_ROWS };
};

export const actions: Actions = {
	plan: async ({ locals, params, request }) => {
		const plan = await editedPlan(locals, params.plan);
		const raw = Object.fromEntries(await readForm(request, locals.t));
		const values = Object.fromEntries(PLAN_FIELDS.map((f) => [f, textOf(raw[f])]));
		const parsed = planForm.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				form: 'plan' as const,
				values,
				errors: fieldErrors(parsed.error.issues, PLAN_FIELDS, 'plans.error')
			});
		}
		try {
			await locals.backend.plans.save(plan.id, null, parsed.data);
		} catch (e) {
			if (e instanceof RpcError && e.code === '23505') {
				return fail(409, {
					form: 'plan' as const,
					values,
					errors: { slug: 'plans.error.slugTaken' }
				});
			}
			throw e;
		}
		return { form: 'plan' as const, saved: true };
	},

	milestones: async ({ locals, params, request }) => {
		const plan = await editedPlan(locals, params.plan);
		const data = Object.fromEntries(await readForm(request, locals.t));
		const rows = Math.min(MAX_ROWS, plan.milestones.length + BLANK_ROWS);
		const read = readMilestones(data, rows);
		if (!read.ok) return fail(400, { form: 'milestones' as const, row: read.row });
		await locals.backend.plans.saveMilestones(plan.id, read.milestones);
		return { form: 'milestones' as const, saved: true };
	}
};
