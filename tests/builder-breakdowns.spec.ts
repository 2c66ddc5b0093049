// A survey of its own, so the demo's breakdowns (which tests/breakdowns.spec.ts reads) stay put.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('an editor ticks a cross-tab breakdown, saves the draft, and finds it ticked again', async ({
	page
}) => {
	await signIn(page, 'editor@demo.koe.example');
	await page.goto('/surveys');
	await page.getByLabel('調査名（日本語）').fill('クロス集計の軸を選ぶ');
	await page.getByLabel('URL用の名前').fill(`breakdowns-${Date.now()}`);
	await page.getByRole('button', { name: '作成する' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('クロス集計の軸を選ぶ');

	await page.getByRole('button', { name: '質問を追加' }).click();
	const second = page.locator('.question-card').nth(1);
	await second.getByRole('group', { name: '質問文' }).getByLabel('日本語').fill('ご意見をどうぞ');
	await second.getByLabel('種類').selectOption('text');
	const breakdowns = page.getByRole('group', { name: 'クロス集計の軸' });
	// Only the single-choice starter question qualifies, not the free-text one.
	await expect(breakdowns.getByRole('checkbox')).toHaveCount(1);
	await breakdowns.getByRole('checkbox', { name: /^q1: / }).check();

	await page.getByRole('button', { name: '下書きを保存' }).click();
	await expect(page.getByRole('status')).toHaveText('下書きを保存しました。');
	await page.reload();
	await expect(breakdowns.getByRole('checkbox', { name: /^q1: / })).toBeChecked();
});
