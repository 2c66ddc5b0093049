// Keying in paper questionnaires (the data_entry role) on the demo survey, whose
// sheets are keyed once (no double entry) and whose extra ticks make an answer
// 無効. The double-entry rules themselves are tested in SQL (samples.test.ts).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_SLUG, DEMO_TITLE, expectNoAxeViolations, question, signIn } from './helpers';

const CLERK = 'entry@demo.koe.example';
const FORM = `/entry/${DEMO_SLUG}`;
const label = (key: string) => question(key).text.ja;

/** Signs in on the way to `path`, as the sign-in page sends staff back where they were going. */
async function signInTo(page: Page, email: string, path: string) {
	await page.goto(path);
	await expect(page).toHaveURL(/\/signin\?next=/);
	await page.getByLabel('メールアドレス').fill(email);
	await page.getByLabel('パスワード').fill('koe-demo-2026');
	await page.getByRole('button', { name: 'ログイン' }).click();
	await expect(page).toHaveURL(new RegExp(`${path}$`));
}

/** The dashboard's response count, read by an editor in a context of their own. */
async function responseCounter(browser: Browser) {
	const context = await browser.newContext({ locale: 'ja-JP' });
	const page = await context.newPage();
	await signIn(page, 'editor@demo.koe.example');
	const read = async () => {
		await page.goto(`/dashboard/${DEMO_SLUG}`);
		const text = await page.getByTestId('respondents').textContent();
		expect(text).toMatch(/回答数 \d+件/);
		return Number(text?.replace(/\D/g, ''));
	};
	return { read, close: () => context.close() };
}

test('a clerk keys in a sheet with the keyboard alone, and it counts as a response', async ({
	page,
	browser
}) => {
	const counter = await responseCounter(browser);
	const before = await counter.read();

	await signInTo(page, CLERK, '/entry');
	await page.getByRole('link', { name: DEMO_TITLE }).click();
	await expect(page).toHaveURL(new RegExp(`${FORM}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('紙の調査票の入力');
	await expect(page.getByText('無効として、無回答として扱います。')).toBeVisible();

	// The code box has the focus; Tab walks the boxes in the order of the sheet.
	await expect(page.getByLabel('招待コード')).toBeFocused();
	const keyed: [string, string][] = [
		['district', '2'],
		['age_group', '6'],
		['gender', '?'],
		['years_lived', '4'],
		['settle_intent', '1'],
		['leave_reasons', ''],
		['good_points', '1 4']
	];
	for (const [key, typed] of keyed) {
		await page.keyboard.press('Tab');
		await expect(page.getByLabel(label(key))).toBeFocused();
		if (typed) await page.keyboard.type(typed);
	}
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('子育て支援 — 満足度')).toBeFocused();
	await page.keyboard.type('1 2');
	await page.keyboard.press('Enter');

	const status = page.getByRole('status');
	await expect(status).toContainText('保存しました。');
	await expect(status).toContainText('2項目を無回答として扱いました（判読不能 1、選択数超過 1）。');
	// A blank form for the next sheet, starting at its code.
	await expect(page.getByLabel('招待コード')).toBeFocused();
	await expect(page.getByLabel(label('district'))).toHaveValue('');
	await expect(page.getByLabel(label('good_points'))).toHaveValue('');

	await expect.poll(counter.read, { timeout: 10_000 }).toBeGreaterThan(before);
	await counter.close();
});

test('a keystroke that cannot be on the sheet is refused, keeping everything typed', async ({
	page
}) => {
	await signInTo(page, CLERK, FORM);
	const settle = page.getByLabel(label('settle_intent'));
	await page.getByLabel(label('district')).fill('1');
	await settle.fill('9');
	await page.getByLabel(label('years_lived')).fill('3');
	await page.getByLabel('子育て支援 — 重要度').fill('5');
	await settle.press('Enter');

	const alert = page.getByRole('alert');
	await expect(alert).toContainText('この調査票は保存されていません');
	await expect(
		alert.getByRole('link', { name: /問5 .*1〜5の番号を入力してください。/ })
	).toBeVisible();
	await expect(settle).toHaveAttribute('aria-invalid', 'true');
	await expect(settle).toBeFocused();
	await expect(settle).toHaveValue('9');
	await expect(page.getByLabel(label('district'))).toHaveValue('1');
	await expect(page.getByLabel(label('years_lived'))).toHaveValue('3');
	await expect(page.getByLabel('子育て支援 — 重要度')).toHaveValue('5');
	await expectNoAxeViolations(page);

	await settle.fill('2');
	await settle.press('Enter');
	await expect(page.getByRole('status')).toContainText('保存しました。');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByLabel(label('district'))).toHaveValue('');
});

test('a sheet’s invitation code is checked as typed, and against the survey’s letters', async ({
	page
}) => {
	await signInTo(page, CLERK, FORM);
	const code = page.getByLabel('招待コード');
	await code.fill('ABCD-EFGH-JKLM');
	await page.getByLabel(label('district')).fill('1');
	await code.press('Enter');
	await expect(page.getByRole('alert')).toContainText('招待コードに入力の誤りがあるようです');
	await expect(code).toBeFocused();
	await expect(page.getByLabel(label('district'))).toHaveValue('1');

	// A well-formed code that no letter of this survey carries.
	await code.fill('2345-6789-ABC8');
	await code.press('Enter');
	await expect(page.getByRole('alert')).toContainText(
		'この招待コードは、この調査の案内状のものではありません'
	);
	await expect(code).toHaveValue('2345-6789-ABC8');
});

test('the entry pages pass axe, and the review has nothing waiting', async ({ page }) => {
	await signInTo(page, CLERK, '/entry');
	await expectNoAxeViolations(page);
	await page.goto(FORM);
	await expectNoAxeViolations(page);
	await page.goto(`${FORM}/review`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('入力の不一致の確認');
	await expect(page.getByText('確認を待っている調査票はありません。')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the footer links data-entry staff to their page, and analysts get a 403', async ({
	page
}) => {
	await signIn(page);
	await expect(page.getByRole('link', { name: '紙の調査票の入力' })).toHaveCount(0);
	const response = await page.goto('/entry');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('アクセスできません');
	const refused = await page.goto(FORM);
	expect(refused?.status()).toBe(403);
});

test('data-entry staff land on the paper entry when they sign in, and find it from the footer', async ({
	page
}) => {
	await signIn(page, CLERK, /\/entry$/);
	await expect(page.getByRole('link', { name: DEMO_TITLE })).toBeVisible();
	await page.goto('/');
	await page.getByRole('link', { name: '紙の調査票の入力' }).click();
	await expect(page).toHaveURL(/\/entry$/);
	await expect(page.getByRole('link', { name: DEMO_TITLE })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a sheet is saved by a plain form post, and the next starts at its code', async ({
		page
	}) => {
		await signInTo(page, CLERK, FORM);
		await page.getByLabel(label('district')).fill('3');
		await page.getByLabel(label('age_group')).fill('２');
		await page.getByLabel('医療体制 — 満足度').fill('4');
		await page.getByLabel(label('free_comment')).fill('バスを増やしてほしい');
		await page.getByRole('button', { name: '保存する' }).click();
		await expect(page.getByRole('status')).toContainText('保存しました。');
		await expect(page.getByLabel('招待コード')).toBeFocused();
		await expect(page.getByLabel(label('district'))).toHaveValue('');
	});

	test('a keystroke error comes back with the field named and the values kept', async ({
		page
	}) => {
		await signInTo(page, CLERK, FORM);
		await page.getByLabel(label('district')).fill('1');
		await page.getByLabel(label('gender')).fill('7');
		await page.getByRole('button', { name: '保存する' }).click();
		await expect(page.getByRole('alert')).toContainText('1〜4の番号を入力してください。');
		await expect(page.getByLabel(label('gender'))).toBeFocused();
		await expect(page.getByLabel(label('gender'))).toHaveValue('7');
		await expect(page.getByLabel(label('district'))).toHaveValue('1');
	});
});
