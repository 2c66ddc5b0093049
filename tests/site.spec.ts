import { expect, test } from '@playwright/test';
import { DEMO_SLUG, expectNoAxeViolations } from './helpers';

test('the home page says what Koe is and passes axe', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: '職員ログイン' }).first()).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the language switch works without JavaScript and is remembered', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/s/${DEMO_SLUG}`);
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Resident Survey');
	await page.goto('/signin');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff sign-in');
	await context.close();
});

test('an unknown survey is a 404 page in the visitor’s language', async ({ page }) => {
	const response = await page.goto('/s/no-such-survey');
	expect(response?.status()).toBe(404);
	await expect(page.getByText('お探しの調査は見つかりませんでした。')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('health answers 200 with JSON while the database is up', async ({ request }) => {
	const response = await request.get('/api/health');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
});

test('a tampered form state is refused with a 400 and a clear message', async ({
	request,
	baseURL
}) => {
	const response = await request.post(`/s/${DEMO_SLUG}`, {
		form: { state: 'not-base64-json', page: '0', nav: 'next' },
		headers: { origin: new URL(baseURL!).origin, accept: 'text/html' }
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('入力内容を読み取れませんでした');
});
