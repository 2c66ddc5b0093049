/** The raw response file and its codebook: SQL refuses the rows to callers without raw-data rights. */
import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/domain/exports/csv';
import { codebookColumns, codebookRows, rawRows } from '$lib/domain/exports/raw';
import { RpcError } from '$lib/server/rpc/types';
import { CSV, download, XLSX } from '$lib/server/exports/download';
import { surveyOf, today } from '$lib/server/exports/load';
import { toXlsx } from '$lib/server/exports/xlsx';
import { translate } from './result-files';
import type { RequestEvent } from './$types';

async function codebookOf({ locals, params }: RequestEvent) {
	const survey = await surveyOf(locals, params.slug);
	const t = translate(locals);
	const columns = codebookColumns(survey.definition, locals.locale, t);
	const strata = await locals.backend.surveys.strata(survey.id);
	const codebook = codebookRows(columns, strata, survey.definition, locals.locale, t);
	return { survey, columns, codebook, t };
}

async function rawOf(event: RequestEvent) {
	const found = await codebookOf(event);
	const responses = await event.locals.backend.results.rawResponses(found.survey.id).catch((e) => {
		if (e instanceof RpcError && e.code === '42501') {
			error(403, { message: event.locals.t('exports.denied') });
		}
		throw e;
	});
	return { ...found, raw: rawRows(found.columns, responses) };
}

export const rawFiles = {
	'raw.csv': async (event: RequestEvent) => {
		const { survey, raw } = await rawOf(event);
		return download(toCsv(raw), `${survey.slug}_raw_${today()}.csv`, CSV);
	},
	'codebook.csv': async (event: RequestEvent) => {
		const { survey, codebook } = await codebookOf(event);
		return download(toCsv(codebook), `${survey.slug}_codebook_${today()}.csv`, CSV);
	},
	'raw.xlsx': async (event: RequestEvent) => {
		const { survey, raw, codebook, t } = await rawOf(event);
		const sheets = [
			{ name: t('exports.sheets.raw'), rows: raw },
			{ name: t('exports.sheets.codebook'), rows: codebook }
		];
		return download(await toXlsx(sheets), `${survey.slug}_raw_${today()}.xlsx`, XLSX);
	}
};
