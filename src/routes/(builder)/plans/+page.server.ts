import { fail, redirect } from '@sveltejs/kit';
import { RpcError } from '$lib/server/rpc/types';
import { fieldErrors, readForm, textOf } from '$lib/server/form';
import { PLAN_FIELDS, planForm } from './plan-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	plans: await locals.backend.plans.list()
});

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const raw = Object.fromEntries(await readForm(request, locals.t));
		const values = Object.fromEntries(PLAN_FIELDS.map((f) => [f, textOf(raw[f])]));
		const parsed = planForm.safeParse(raw);
		if (!parsed.success) {
			return fail(400, {
				values,
				errors: fieldErrors(parsed.error.issues, PLAN_FIELDS, 'plans.error')
			});
		}
		let id: string;
		try {
			id = await locals.backend.plans.save(null, textOf(raw.org), parsed.data);
		} catch (error) {
			if (error instanceof RpcError && (error.code === '23505' || error.code === '42501')) {
				return fail(409, { values, errors: { slug: 'plans.error.slugTaken' } });
			}
			throw error;
		}
		redirect(303, `/plans/${id}`);
	}
};
