/** Counted results, suppressed in SQL for callers without raw-data rights. */
import { toCsv } from '$lib/domain/exports/csv';
import { simpleTable, crosstabRows, choiceLabels, itemCaption } from '$lib/domain/exports/results';
import { crosstabFor, crosstabQuestions, resultSheets } from '$lib/domain/exports/workbook';
import type { Translate } from '$lib/domain/exports/cells';
import { itemsOf } from '$lib/domain/tables';
import { CSV, download, XLSX } from '$lib/server/exports/download';
import { loadResults, surveyOf, today } from '$lib/server/exports/load';
import { toXlsx } from '$lib/server/exports/xlsx';
import type { RequestEvent } from './$types';

export const translate =
	(locals: App.Locals): Translate =>
	(key, values) =>
		locals.t(key, values);

/** The cross-tab a URL asks for (`?target=question|item`, as on the dashboard), else the first. */
function targetOf(url: URL, questions: ReturnType<typeof crosstabQuestions>, lang: string) {
	const [question, item = ''] = (url.searchParams.get('target') ?? '').split('|');
	const all = questions.flatMap((q) => itemsOf(q, lang).map(({ item }) => ({ q, item })));
	return all.find((x) => x.q.key === question && x.item === item) ?? all[0];
}

export const resultFiles = {
	'simple.csv': async ({ locals, params }: RequestEvent) => {
		const survey = await surveyOf(locals, params.slug);
		const results = await loadResults(locals, survey, []);
		const rows = simpleTable(
			survey.definition,
			results.counts,
			results.respondents,
			locals.locale,
			translate(locals)
		);
		return download(toCsv(rows), `${survey.slug}_simple_${today()}.csv`, CSV);
	},
	'crosstab.csv': async ({ locals, params, url }: RequestEvent) => {
		const survey = await surveyOf(locals, params.slug);
		const target = targetOf(url, crosstabQuestions(survey.definition), locals.locale);
		const results = await loadResults(locals, survey, target ? [target.q.key] : []);
		const t = translate(locals);
		const rows = target
			? crosstabRows(
					crosstabFor(results, target.q, target.item, locals.locale, t),
					choiceLabels(target.q, locals.locale),
					itemCaption(target.q, target.item, locals.locale),
					results.k,
					t
				)
			: [];
		const name = target
			? target.q.key + (target.item ? `_${target.item.replace('/', '_')}` : '')
			: 'none';
		return download(toCsv(rows), `${survey.slug}_crosstab_${name}_${today()}.csv`, CSV);
	},
	'results.xlsx': async ({ locals, params }: RequestEvent) => {
		const survey = await surveyOf(locals, params.slug);
		const results = await loadResults(locals, survey);
		const sheets = resultSheets(results, locals.locale, today(), translate(locals));
		return download(await toXlsx(sheets), `${survey.slug}_results_${today()}.xlsx`, XLSX);
	}
};
