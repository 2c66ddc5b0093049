import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { RpcError } from '$lib/server/rpc/types';
import type { PopulationInput } from '$lib/server/backend/weighting-types';
import { parsePopulationCsv } from './population-csv';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/form';

export const load: PageServerLoad = async ({ locals, params }) => {
	const survey = await locals.backend.surveys.published(params.slug);
	if (!survey) error(404, { message: locals.t('survey.notFound') });
	const [names, population] = await Promise.all([
		locals.backend.surveys.strata(survey.id),
		locals.backend.population.get(survey.id)
	]);
	return { survey, names, population };
};

const gridForm = z.record(z.string(), z.string().max(40));
const csvForm = z.object({ csv: z.string().max(200_000) });

async function save(locals: App.Locals, slug: string, rows: PopulationInput[]) {
	const survey = await locals.backend.surveys.published(slug);
	if (!survey) error(404, { message: locals.t('survey.notFound') });
	try {
		return await locals.backend.population.save(survey.id, rows);
	} catch (e) {
		if (e instanceof RpcError && e.code === '42501') return null;
		throw e;
	}
}

export const actions: Actions = {
	grid: async ({ locals, params, request }) => {
		const values = gridForm.parse(
			Object.fromEntries(
				[...(await readForm(request, locals.t))].filter(
					([k, v]) => k.startsWith('p:') && typeof v === 'string'
				)
			)
		);
		// A blank cell has no population; SQL checks what is typed.
		const rows = Object.entries(values)
			.filter(([, v]) => v.trim() !== '')
			.map(([name, population]) => {
				const [, district = '', age_group = ''] = name.split(':');
				return { line: `${district}:${age_group}`, district, age_group, population };
			});
		const result = await save(locals, params.slug, rows);
		if (!result) return fail(403, { source: 'grid', forbidden: true, values });
		if (!result.ok) return fail(400, { source: 'grid', problems: result.problems, values });
		return { source: 'grid', saved: result.saved };
	},
	csv: async ({ locals, params, request }) => {
		const parsed = csvForm.safeParse(Object.fromEntries(await readForm(request, locals.t)));
		const csv = parsed.success ? parsed.data.csv : '';
		const { rows, badLines } = parsePopulationCsv(csv);
		if (badLines.length > 0) {
			const problems = badLines.map((line) => ({ line: String(line), problem: 'columns' }));
			return fail(400, { source: 'csv', problems, csv });
		}
		const result = await save(locals, params.slug, rows);
		if (!result) return fail(403, { source: 'csv', forbidden: true, csv });
		if (!result.ok) return fail(400, { source: 'csv', problems: result.problems, csv });
		return { source: 'csv', saved: result.saved };
	}
};
