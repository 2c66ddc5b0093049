import { expect, test } from '@playwright/test';
import {
	answerDemoSurvey,
	DEMO_SLUG,
	DEMO_TITLE,
	expectNoAxeViolations,
	question,
	signIn
} from './helpers';

test('anonymous visitors are sent to sign-in, and back after it', async ({ page }) => {
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	await expect(page).toHaveURL(/\/signin\?next=/);
	await page.getByLabel('メールアドレス').fill('analyst@demo.koe.example');
	await page.getByLabel('パスワード').fill('koe-demo-2026');
	await page.getByRole('button', { name: 'ログイン' }).click();
	await expect(page).toHaveURL(new RegExp(`/dashboard/${DEMO_SLUG}$`));
});

test('a wrong password is refused with a message, and the email is kept', async ({ page }) => {
	await page.goto('/signin');
	await page.getByLabel('メールアドレス').fill('analyst@demo.koe.example');
	await page.getByLabel('パスワード').fill('not-the-password');
	await page.getByRole('button', { name: 'ログイン' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'メールアドレスまたはパスワードが正しくありません。'
	);
	await expect(page.getByLabel('メールアドレス')).toHaveValue('analyst@demo.koe.example');
	await expectNoAxeViolations(page);
});

test('the session cookie is httpOnly and SameSite, and sign-out ends it', async ({
	page,
	context
}) => {
	await signIn(page);
	const cookie = (await context.cookies()).find((c) => c.name === 'koe_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	await page.getByRole('button', { name: 'ログアウト' }).click();
	await page.goto('/dashboard');
	await expect(page).toHaveURL(/\/signin/);
});

test('the dashboard shows counts, a cross-tab, and passes axe', async ({ page }) => {
	await signIn(page);
	await page.getByRole('link', { name: DEMO_TITLE }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_TITLE);
	await expect(page.getByText('デモ用に作成した架空の回答')).toBeVisible();
	await expect(page.getByTestId('respondents')).toHaveText(/回答数 \d+件/);
	const crosstab = page.locator('table.crosstab');
	await expect(crosstab.getByRole('rowheader', { name: '大嶺' }).first()).toBeVisible();
	await expect(crosstab.getByRole('rowheader', { name: '70歳以上' }).first()).toBeVisible();
	await expect(page.locator('canvas').first()).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the cross-tab target is part of the URL, so a view can be shared', async ({ page }) => {
	await signIn(page);
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	const settle = question('settle_intent').text.ja;
	await page.getByLabel('集計する質問').selectOption({ label: settle });
	await page.getByRole('button', { name: '表示' }).click();
	await expect(page).toHaveURL(/target=settle_intent/);
	await expect(page.locator('table.crosstab caption')).toHaveText(settle);
	await page.reload();
	await expect(page.locator('table.crosstab caption')).toHaveText(settle);
});

test('a new response shows on an open dashboard without reloading', async ({ page, browser }) => {
	await signIn(page);
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	await expect(page.getByText('自動更新中')).toBeVisible();
	const count = async () =>
		Number((await page.getByTestId('respondents').textContent())?.replace(/\D/g, ''));
	const before = await count();

	const resident = await browser.newContext({ javaScriptEnabled: false });
	await answerDemoSurvey(await resident.newPage());
	await resident.close();

	await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(before);
});

test('the CS analysis scores each policy, and filters by district through the URL', async ({
	page
}) => {
	await signIn(page);
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	const table = page.getByRole('table', { name: /施策ごとの満足度・重要度（すべての地区/ });
	await expect(table.locator('tbody tr')).toHaveCount(12);
	const medical = table.getByRole('row', { name: /医療体制/ });
	await expect(medical.getByRole('cell').last()).toHaveText(
		/^(重点改善分野|改善分野|重点維持分野|維持分野)$/
	);
	const answered = async () => Number(await medical.getByRole('cell').first().textContent());
	const all = await answered();
	expect(all).toBeGreaterThan(0);

	await page.getByRole('combobox', { name: '地区' }).selectOption({ label: '大嶺' });
	await page.getByRole('button', { name: '絞り込む' }).click();
	await expect(page).toHaveURL(/cs_district=omine/);
	const omine = page.getByRole('table', { name: /施策ごとの満足度・重要度（大嶺/ });
	await expect(omine.locator('tbody tr')).toHaveCount(12);
	const n = Number(
		await omine
			.getByRole('row', { name: /医療体制/ })
			.getByRole('cell')
			.first()
			.textContent()
	);
	expect(n).toBeGreaterThan(0);
	expect(n).toBeLessThan(all);
	await expectNoAxeViolations(page);
});
