import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/domain/exports/csv';
import { opinionCells } from '$lib/domain/exports/opinions';
import { CSV, download, XLSX } from '$lib/server/exports/download';
import { toXlsx } from '$lib/server/exports/xlsx';
import type { RequestHandler } from './$types';

/** /pc/<slug>/results/opinions.csv or .xlsx: the published table, for anyone. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const format = /^opinions\.(csv|xlsx)$/.exec(params.file)?.[1];
	const results = format ? await locals.backend.consultations.results(params.slug) : null;
	if (!results) error(404, { message: locals.t('errors.notFound') });
	const rows = opinionCells(results.rows, locals.t);
	const name = `${results.slug}-opinions.${format}`;
	if (format === 'csv') return download(toCsv(rows), name, CSV);
	return download(
		await toXlsx([{ name: locals.t('pubcom.results.sheet'), rows: [[results.title], ...rows] }]),
		name,
		XLSX
	);
};
