import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { org } = await parent();
	const settings = await locals.backend.organization.settings(org.orgId);
	if (!settings) error(403, { message: locals.t('errors.forbidden') });
	return { settings };
};

const minCellSize = z.coerce.number().int().min(3).max(10);

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const entered = (await readForm(request, locals.t)).get('min_cell_size');
		const value = typeof entered === 'string' ? entered.slice(0, 20) : '';
		const parsed = minCellSize.safeParse(value);
		if (!parsed.success) return fail(400, { value, error: 'settings.error.minCellSize' });
		const memberships = await locals.backend.staff.memberships();
		const admin = memberships.filter((m) => m.role === 'admin');
		const org = admin.find((m) => m.orgSlug === url.searchParams.get('org')) ?? admin[0];
		if (!org) return fail(403, { value, error: 'errors.forbidden' });
		const problem = await locals.backend.organization.setMinCellSize(org.orgId, parsed.data);
		if (problem === 'out_of_range')
			return fail(400, { value, error: 'settings.error.minCellSize' });
		if (problem) return fail(403, { value, error: 'errors.forbidden' });
		return { saved: true as const };
	}
};
