// How much a resident's phone downloads to show the first page of a survey:
// Koe's answering page against SurveyJS rendering the same four questions.
import path from 'node:path';
import { serveFolder } from '../lib/static-server.js';
import { breakdown, weighPage } from '../lib/weigh.js';
import { buildSurveyJsPage } from '../surveyjs/build.js';
import { firstQuestionTitle } from '../surveyjs/survey-json.js';

/** @type {Record<string, import('../lib/suite.js').Target>} */
export const targets = {
	answer_page_total_gzip_bytes: { max: 40 * 1024 },
	answer_page_js_gzip_bytes: { max: 30 * 1024 }
};

const DEMO_SURVEY_PATH = '/s/mine-2026';

/** @param {import('@playwright/test').Page} page */
const firstQuestionShows = (page) =>
	page.getByText(firstQuestionTitle(), { exact: true }).first().waitFor({ state: 'visible' });

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * @param {import('../lib/suite.js').BenchContext} ctx
 * @returns {Promise<import('../lib/suite.js').SuiteResult>}
 */
export async function run(ctx) {
	const browser = await ctx.chromium();

	ctx.log(`Weighing Koe's ${DEMO_SURVEY_PATH}`);
	const koe = await weighPage(browser, ctx.baseUrl + DEMO_SURVEY_PATH, {
		ready: firstQuestionShows
	});

	ctx.log('Bundling and weighing SurveyJS (survey-core + survey-js-ui)');
	const folder = await buildSurveyJsPage(path.join(ctx.workDir, 'surveyjs'));
	const server = await serveFolder(folder);
	let surveyJs;
	try {
		surveyJs = await weighPage(browser, server.url, { ready: firstQuestionShows });
	} finally {
		await server.close();
	}

	const ratio = surveyJs.total / koe.total;
	return {
		metrics: {
			answer_page_js_gzip_bytes: koe.js,
			answer_page_total_gzip_bytes: koe.total,
			surveyjs_page_js_gzip_bytes: surveyJs.js,
			surveyjs_page_total_gzip_bytes: surveyJs.total
		},
		notes: [
			ratio >= 1
				? `Koe's answering page is ${ratio.toFixed(1)}× lighter than SurveyJS (${kb(koe.total)} vs ${kb(surveyJs.total)} gzipped).`
				: `Koe's answering page is ${(1 / ratio).toFixed(1)}× heavier than SurveyJS (${kb(koe.total)} vs ${kb(surveyJs.total)} gzipped).`,
			`Koe: ${koe.resources.length} responses: ${breakdown(koe.resources)}.`,
			`SurveyJS: ${surveyJs.resources.length} responses: ${breakdown(surveyJs.resources)}.`
		]
	};
}
