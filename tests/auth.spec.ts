import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './helpers';

const LOCKED = 'ログインの失敗が続いたため';
const WRONG = 'メールアドレスまたはパスワードが正しくありません。';

async function attemptSignIn(page: Page, email: string, password: string) {
	await page.goto('/signin');
	await page.getByLabel('メールアドレス').fill(email);
	await page.getByLabel('パスワード').fill(password);
	await page.getByRole('button', { name: 'ログイン' }).click();
}

/**
 * A staff account of this test's own, made through an invitation: signing it out
 * everywhere cannot end the demo sessions that other tests are using meanwhile.
 */
async function ownAccount(browser: Browser) {
	const admin = await browser.newContext({ locale: 'ja-JP' });
	const page = await admin.newPage();
	await signIn(page, 'admin@demo.koe.example');
	await page.goto('/admin/members');
	const email = `everywhere-${Date.now()}@example.jp`;
	await page.getByLabel('メールアドレス').fill(email);
	await page.getByRole('button', { name: '招待リンクを作る' }).click();
	const link = (await page.getByTestId('invite-link').textContent()) ?? '';
	await admin.close();
	return { email, password: 'signed in on two devices', link };
}

test('asking for a reset link gets the same answer for a registered and an unknown address', async ({
	page
}) => {
	await page.goto('/signin');
	await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('パスワードの再設定');
	await expectNoAxeViolations(page);

	const answers = [];
	for (const email of ['editor@demo.koe.example', `nobody-${Date.now()}@example.jp`]) {
		await page.goto('/reset');
		await page.getByLabel('メールアドレス').fill(email);
		await page.getByRole('button', { name: '再設定用のリンクを送る' }).click();
		const status = page.getByRole('status');
		await expect(status).toContainText('登録されている場合は');
		answers.push(await status.textContent());
	}
	expect(answers[0]).toBe(answers[1]);
	await expectNoAxeViolations(page);
});

test('a reset request with a malformed address is refused at the field', async ({ page }) => {
	await page.goto('/reset');
	await page.getByLabel('メールアドレス').fill('not an address');
	await page.getByRole('button', { name: '再設定用のリンクを送る' }).click();
	await expect(page.getByText('正しい形式で入力してください')).toBeVisible();
	await expect(page.getByLabel('メールアドレス')).toHaveValue('not an address');
	await expect(page.getByLabel('メールアドレス')).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);
});

test('an unknown or used reset link says so and offers a new one', async ({ page }) => {
	await page.goto(`/reset/${'0'.repeat(64)}`);
	await expect(page.getByRole('alert')).toContainText('このリンクは使えません');
	await expect(page.getByLabel('新しいパスワード', { exact: true })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: '再設定をもう一度申請する' }).click();
	await expect(page).toHaveURL(/\/reset$/);
});

test('five failed sign-ins pause an address, registered or not', async ({ page }) => {
	// An unknown address: locking a demo account would break the other tests.
	const email = `lockout-${Date.now()}@example.jp`;
	for (let i = 0; i < 4; i++) {
		await attemptSignIn(page, email, `guess number ${i}`);
		await expect(page.getByRole('alert')).toHaveText(WRONG);
	}
	await attemptSignIn(page, email, 'guess number 5');
	await expect(page.getByRole('alert')).toContainText(LOCKED);
	await attemptSignIn(page, email, 'guess number 6');
	await expect(page.getByRole('alert')).toContainText(LOCKED);
	await expect(page.getByLabel('メールアドレス')).toHaveValue(email);
	await expectNoAxeViolations(page);
});

test('signing out everywhere ends the session in another browser', async ({ browser }) => {
	const account = await ownAccount(browser);
	const laptop = await browser.newContext({ locale: 'ja-JP' });
	const first = await laptop.newPage();
	await first.goto(account.link);
	await first.getByLabel('パスワード', { exact: true }).fill(account.password);
	await first.getByRole('button', { name: '参加する' }).click();
	await expect(first).toHaveURL(/\/dashboard$/);

	const phone = await browser.newContext({ locale: 'ja-JP' });
	const second = await phone.newPage();
	await attemptSignIn(second, account.email, account.password);
	await expect(second).toHaveURL(/\/dashboard$/);
	await second.getByRole('link', { name: 'すべての端末からログアウト' }).click();
	await expect(second.getByRole('heading', { level: 1 })).toHaveText('ログアウト');
	await expectNoAxeViolations(second);
	await second.getByRole('button', { name: 'すべての端末でログアウトする' }).click();
	await expect(second).toHaveURL(/\/signin\?notice=everywhere$/);
	await expect(second.getByRole('status')).toHaveText('すべての端末でログアウトしました。');

	await first.goto('/dashboard');
	await expect(first).toHaveURL(/\/signin\?next=/);
	expect((await laptop.cookies()).find((c) => c.name === 'koe_session')).toBeUndefined();
	await laptop.close();
	await phone.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the reset request and the sign-out page work as plain forms', async ({ page }) => {
		await page.goto('/reset');
		await page.getByLabel('メールアドレス').fill(`nobody-nojs-${Date.now()}@example.jp`);
		await page.getByRole('button', { name: '再設定用のリンクを送る' }).click();
		await expect(page.getByRole('status')).toContainText('登録されている場合は');

		await signIn(page);
		await page.goto('/signout');
		await page.getByRole('main').getByRole('button', { name: 'この端末でログアウト' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(
			page.getByRole('contentinfo').getByRole('link', { name: '職員ログイン' })
		).toBeVisible();
	});
});

test('the first-run setup is closed once users exist', async ({ page }) => {
	await page.goto('/setup');
	await expect(page).toHaveURL(/\/signin$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('職員ログイン');
});
