import { expect, test, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_SLUG, DEMO_TITLE, expectNoAxeViolations, signIn } from './helpers';

const ADMIN = 'admin@demo.koe.example';
const BOM = [0xef, 0xbb, 0xbf];

async function bytesOf(download: Download): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** Clicks a link in the dashboard's 出力 section and returns the downloaded bytes. */
async function downloadLink(page: Page, name: string) {
	const exports = page.getByRole('region', { name: '出力' });
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		exports.getByRole('link', { name, exact: true }).click()
	]);
	return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

const csvLines = (bytes: Buffer) => bytes.subarray(3).toString('utf8').split('\r\n');

test('officials download results as CSV for Excel and as XLSX', async ({ page }) => {
	await signIn(page);
	await page.goto(`/dashboard/${DEMO_SLUG}`);

	const simple = await downloadLink(page, '単純集計（CSV）');
	expect(simple.name).toMatch(new RegExp(`^${DEMO_SLUG}_simple_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
	expect([...simple.bytes.subarray(0, 3)]).toEqual(BOM);
	const lines = csvLines(simple.bytes);
	expect(lines[0]).toBe('質問キー,質問,項目,選択肢コード,選択肢,件数,割合（%）,回答者数');
	expect(lines.some((l) => l.startsWith('settle_intent,'))).toBe(true);
	expect(simple.bytes.toString('utf8')).not.toMatch(/[^\r]\n/);

	const crosstab = await downloadLink(page, '表示中のクロス集計（CSV）');
	expect([...crosstab.bytes.subarray(0, 3)]).toEqual(BOM);
	expect(csvLines(crosstab.bytes)[1]).toMatch(/^地区,年代,回答者数,/);
	// Analysts without raw rights get suppressed cells, explained under the table.
	expect(crosstab.bytes.toString('utf8')).toContain('回答が5件未満の区分');

	const xlsx = await downloadLink(page, 'すべての集計表（Excel形式）');
	expect(xlsx.name).toMatch(/\.xlsx$/);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
	const names = workbook.worksheets.map((s) => s.name);
	expect(names[0]).toBe('表紙');
	expect(names).toContain('単純集計 settle_intent');
	expect(names).toContain('クロス集計 settle_intent');
	expect(workbook.getWorksheet('表紙')?.getCell('B3').value).toBe(DEMO_TITLE);

	// No raw data for this analyst: no link, and the file itself is refused.
	await expect(page.getByRole('link', { name: '個別回答データ（CSV）' })).toHaveCount(0);
	const refused = await page.request.get(`/dashboard/${DEMO_SLUG}/export/raw.csv`);
	expect(refused.status()).toBe(403);
});

test('admins download the raw responses with a codebook', async ({ page }) => {
	await signIn(page, ADMIN);
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	const raw = await downloadLink(page, '個別回答データ（CSV）');
	expect([...raw.bytes.subarray(0, 3)]).toEqual(BOM);
	const lines = csvLines(raw.bytes).filter(Boolean);
	expect(lines[0]).toMatch(/^response_no,district,age_group,source,language,submitted_on,/);
	const respondents = Number(
		(await page.getByTestId('respondents').textContent())?.replace(/\D/g, '')
	);
	expect(lines.length - 1).toBe(respondents);

	const codebook = await downloadLink(page, 'コードブック（CSV）');
	expect(csvLines(codebook.bytes)[0]).toBe('列名,質問キー,質問,形式,項目,コード,内容');

	const xlsx = await downloadLink(page, '個別回答データとコードブック（Excel形式）');
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
	expect(workbook.worksheets.map((s) => s.name)).toEqual(['回答データ', 'コードブック']);
});

test('the report prints to several A4 pages and passes axe', async ({ page }) => {
	// A long page: axe and printing take their time on a busy machine.
	test.setTimeout(180_000);
	await signIn(page);
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	await page
		.getByRole('region', { name: '出力' })
		.getByRole('link', { name: '印刷用の報告書' })
		.click();
	await expect(page).toHaveURL(new RegExp(`/dashboard/${DEMO_SLUG}/report$`));
	await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO_TITLE);
	for (const chapter of ['1. 調査の概要', '2. 単純集計', '3. クロス集計（地区 × 年代）']) {
		await expect(page.getByRole('heading', { level: 2, name: chapter })).toBeVisible();
	}
	await expect(page.locator('svg.bar').first()).toBeVisible();
	await expectNoAxeViolations(page);

	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
	expect(pages.length).toBeGreaterThan(1);
});

test('the report is complete without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page);
	await page.goto(`/dashboard/${DEMO_SLUG}/report`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO_TITLE);
	await expect(page.locator('table.crosstab').first()).toBeVisible();
	await expect(page.locator('svg.cs-plot').first()).toBeVisible();
	await context.close();
});
