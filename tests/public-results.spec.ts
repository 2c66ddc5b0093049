import { expect, test, type Page } from '@playwright/test';
import { demoSurvey } from '../scripts/lib/demo-survey.js';
import {
	answerDemoSurvey,
	DEMO_SLUG,
	DEMO_TITLE,
	expectInert,
	expectNoAxeViolations,
	expectNoHorizontalScroll,
	inertPayload,
	signIn
} from './helpers';

// One story on the shared demo database: publish, read as the public, withdraw.
// The last step leaves the toggle off, as the seed has it.
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 360, height: 740 };
const SUMMARY_JA = /「.+」と答えた人は \d+%（この質問に答えた [\d,]+人中）/;
const SUMMARY_EN = /\d+% answered “.+” \(of [\d,]+ who answered this question\)/;

/** As the demo admin, on the builder page of the demo survey: results on or off. */
async function setPublished(page: Page, on: boolean) {
	await signIn(page, 'admin@demo.koe.example');
	await page.goto('/surveys');
	await page.getByRole('link', { name: DEMO_TITLE, exact: true }).click();
	const section = page.getByRole('region', { name: '結果の公開' });
	await expect(section.getByRole('button')).toBeVisible();
	const button = section.getByRole('button', {
		name: on ? '結果を公開する' : '結果の公開をやめる'
	});
	if ((await button.count()) === 0) return; // already as wanted
	await button.click();
	await expect(page.getByRole('status')).toHaveText(
		on ? '結果を公開しました。' : '結果の公開をやめました。'
	);
	await expect(section).toContainText(on ? '結果を公開しています。' : '結果は公開していません。');
}

/** What every visitor should find: the title, summary lines, a chart and its table. */
async function expectResults(page: Page) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_TITLE);
	await expect(page.getByTestId('respondents')).toHaveText(/回答者数 [\d,]+人/);
	const summary = page.getByRole('region', { name: '結果のポイント' });
	await expect(summary.getByRole('listitem').first()).toContainText(SUMMARY_JA);
	await expect(page.locator('.bar-fill').first()).toBeVisible();
	await expect(page.locator('.segment').first()).toBeVisible();
	await expect(
		page.getByRole('table', { name: /あなたは、これからも美祢市に住み続けたいと思いますか。/ })
	).toHaveCount(1);
	await expect(page.getByRole('table', { name: '地区・年代別の回答者数（人）' })).toBeVisible();
	await expectNoHorizontalScroll(page);
}

test('the demo admin publishes the demo survey’s results', async ({ page, browser }) => {
	// A resident's free text with markup and script in it: the public page must stay inert.
	const resident = await browser.newContext({ locale: 'ja-JP' });
	await answerDemoSurvey(await resident.newPage(), { free_comment: inertPayload('public') });
	await resident.close();
	await setPublished(page, true);
});

test.describe('an anonymous visitor on a 360 px phone, without JavaScript', () => {
	test.use({ viewport: PHONE, javaScriptEnabled: false });

	test('reads the results in Japanese', async ({ page }) => {
		await page.goto(`/results/${DEMO_SLUG}`);
		await expectResults(page);
	});
});

test.describe('an anonymous visitor on a 360 px phone, with JavaScript', () => {
	test.use({ viewport: PHONE });

	test('reads the results, passes axe, and switches to English', async ({ page }) => {
		await page.goto(`/results/${DEMO_SLUG}`);
		await expectResults(page);
		await expectInert(page);
		await expectNoAxeViolations(page);

		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoSurvey.title.en);
		const summary = page.getByRole('region', { name: 'Key findings' });
		await expect(summary.getByRole('listitem').first()).toContainText(SUMMARY_EN);
		await expect(page.getByTestId('respondents')).toHaveText(/Respondents: [\d,]+/);
		await expectNoHorizontalScroll(page);
		await expectNoAxeViolations(page);
	});
});

test('withdrawn results are a 404 again', async ({ page, browser }) => {
	await setPublished(page, false);
	const visitor = await browser.newContext({ locale: 'ja-JP' });
	const response = await (await visitor.newPage()).goto(`/results/${DEMO_SLUG}`);
	expect(response?.status()).toBe(404);
	await visitor.close();
});
