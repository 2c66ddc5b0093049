import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { answerDemoSurvey, DEMO_SLUG, expectInert, inertPayload, signIn } from './helpers';

// Free text a resident typed, with markup, script and a spreadsheet formula in
// it, must stay text wherever staff read it. (The comments page's search and
// rights are in comments.spec.ts, neutralise() itself in src/lib/domain/exports,
// the public results page in public-results.spec.ts.)

test('HTML and script in free text stay text on the dashboard, in the raw exports and in the report', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const token = `inert-${Date.now()}`;
	const payload = inertPayload(token);
	const resident = await browser.newContext({ locale: 'ja-JP' });
	await answerDemoSurvey(await resident.newPage(), { free_comment: payload });
	await resident.close();

	await signIn(page, 'admin@demo.koe.example');
	await page.goto(`/dashboard/${DEMO_SLUG}/comments?search=${token}`);
	await expect(page.getByText(payload)).toBeVisible();
	await expectInert(page);

	// CSV: the cell is quoted text, with an apostrophe in front of the formula.
	const csv = await page.request.get(`/dashboard/${DEMO_SLUG}/export/raw.csv`);
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain(`"'${payload.replaceAll('"', '""')}"`);

	// XLSX: a text cell, not a formula.
	const xlsx = await page.request.get(`/dashboard/${DEMO_SLUG}/export/raw.xlsx`);
	expect(xlsx.status()).toBe(200);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(new Uint8Array(await xlsx.body()).buffer);
	const cells: ExcelJS.Cell[] = [];
	workbook.worksheets[0].eachRow((row) =>
		row.eachCell((cell) => {
			if (typeof cell.value === 'string' && cell.value.includes(token)) cells.push(cell);
		})
	);
	expect(cells.map((c) => [c.type, c.value])).toEqual([[ExcelJS.ValueType.String, `'${payload}`]]);

	await page.goto(`/dashboard/${DEMO_SLUG}/report`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectInert(page);
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectInert(page);
});
