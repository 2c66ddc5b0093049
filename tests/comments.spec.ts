import { expect, test } from '@playwright/test';
import { answerDemoSurvey, DEMO_SLUG, expectNoAxeViolations, signIn } from './helpers';

test('free text is listed for admins only, searchable, and shown as inert text', async ({
	page,
	browser
}) => {
	const payload = `<img src=x onerror="window.pwned=1"> ${Date.now()}`;
	const resident = await browser.newContext({ locale: 'ja-JP' });
	await answerDemoSurvey(await resident.newPage(), { free_comment: payload });
	await resident.close();

	await signIn(page, 'admin@demo.koe.example');
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	await page.getByRole('link', { name: '自由記述の回答を読む' }).click();
	await expect(page).toHaveURL(new RegExp(`/dashboard/${DEMO_SLUG}/comments$`));
	await page.getByLabel('含まれる言葉で絞り込む').fill('onerror');
	await page.getByRole('button', { name: '表示' }).click();
	await expect(page).toHaveURL(/search=onerror/);
	await expect(page.getByText(payload)).toBeVisible();
	expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
	await expect(page.locator('.comments img')).toHaveCount(0);
	await expectNoAxeViolations(page);

	const analyst = await browser.newContext({ locale: 'ja-JP' });
	const other = await analyst.newPage();
	await signIn(other, 'analyst@demo.koe.example');
	await other.goto(`/dashboard/${DEMO_SLUG}/comments`);
	await expect(other.getByText('個別の回答にあたるため')).toBeVisible();
	await analyst.close();
});
