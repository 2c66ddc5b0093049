// Builds the SurveyJS comparison page into bench/.work/surveyjs/: the entry
// bundled and minified for production, SurveyJS's stylesheet, and an index.html
// that carries the survey JSON inline.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { firstPageSurvey } from './survey-json.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
// The stylesheet without the @font-face rules that load Open Sans from Google
// Fonts: this machine is offline, and Koe uses system fonts too.
const CSS = 'node_modules/survey-core/survey-core.fontless.min.css';

/** @param {string} text */
const escapeHtml = (text) =>
	text.replace(
		/[&<>"]/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c
	);

/**
 * @param {string} outDir
 * @returns {Promise<string>} the folder to serve
 */
export async function buildSurveyJsPage(outDir) {
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	await build({
		entryPoints: [path.join(here, 'entry.js')],
		outfile: path.join(outDir, 'survey.js'),
		absWorkingDir: root,
		bundle: true,
		minify: true,
		format: 'esm',
		target: 'es2020',
		platform: 'browser',
		define: { 'process.env.NODE_ENV': '"production"' },
		legalComments: 'none',
		logLevel: 'warning'
	});
	fs.copyFileSync(path.join(root, CSS), path.join(outDir, 'survey-core.css'));

	const survey = firstPageSurvey();
	// `<` escaped so that no text in the JSON can close the script element.
	const json = JSON.stringify(survey).replace(/</g, '\\u003c');
	const html = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(survey.title)}</title>
<link rel="stylesheet" href="survey-core.css">
<script type="module" src="survey.js"></script>
</head>
<body>
<div id="survey"></div>
<script type="application/json" id="survey-json">${json}</script>
</body>
</html>
`;
	fs.writeFileSync(path.join(outDir, 'index.html'), html);
	return outDir;
}
