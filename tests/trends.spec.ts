// Trends across waves: a copy of the demo survey (as a city would start its next
// wave from the last one) is published, then the demo is compared with it.
import { expect, test } from '@playwright/test';
import { DEMO_SLUG, DEMO_TITLE, expectNoAxeViolations, signIn } from './helpers';

test('an official compares the survey with an earlier wave, question by question', async ({
	page
}) => {
	await signIn(page, 'admin@demo.koe.example');
	await page.goto('/surveys');
	await page.getByRole('link', { name: DEMO_TITLE }).click();
	// The builder is a large page: let it finish loading before typing into its forms.
	await page.waitForLoadState('networkidle');
	const builderUrl = page.url();
	await page.getByLabel('調査名（日本語）').last().fill('前回の市民意識調査（比較用）');
	await page.getByLabel('URL用の名前').last().fill('mine-wave-earlier');
	await page.getByRole('button', { name: '複製する' }).click();
	await expect(page).not.toHaveURL(builderUrl, { timeout: 20_000 });
	await expect(page.getByRole('heading', { level: 1 })).toContainText('前回の市民意識調査');
	await page.getByRole('button', { name: 'この下書きを公開する' }).click();
	await expect(page.getByRole('status')).toContainText('公開しました');

	await page.goto(`/dashboard/${DEMO_SLUG}`);
	await page.getByRole('link', { name: '前回調査との比較（経年比較）' }).click();
	await page.getByLabel('比べる調査').selectOption({ label: '前回の市民意識調査（比較用）' });
	await page.getByRole('button', { name: '比較する' }).click();
	await expect(page).toHaveURL(/\/trends\?from=mine-wave-earlier$/);
	// The copy has the same questions and no responses yet: every question is compared,
	// none is warned about, and the earlier wave's shares are 0.
	const tables = page.locator('section.trend');
	expect(await tables.count()).toBeGreaterThan(10);
	await expect(page.locator('section.trend .notice')).toHaveCount(0);
	await expect(tables.first().getByRole('cell').nth(0)).toHaveText('0.0%');
	await expectNoAxeViolations(page);
});

test('a question asked differently is compared with warnings; an unknown wave is harmless', async ({
	page
}) => {
	await signIn(page, 'analyst@demo.koe.example');
	// The type sampler shares one question key with the demo, asked another way.
	const response = await page.goto(`/dashboard/${DEMO_SLUG}/trends?from=question-types`);
	expect(response?.status()).toBe(200);
	const shared = page.locator('section.trend');
	await expect(shared).toHaveCount(1);
	for (const warning of [
		'設問文が前回と異なります',
		'設問の形式が前回と異なります',
		'選択肢が前回と異なります'
	]) {
		await expect(shared.getByText(warning)).toBeVisible();
	}
	await expect(page.getByRole('heading', { name: '今回だけの設問' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '前回だけの設問' })).toBeVisible();
	expect((await page.goto(`/dashboard/${DEMO_SLUG}/trends?from=%3Cscript%3E`))?.status()).toBe(200);
	await expect(page.locator('section.trend')).toHaveCount(0);
});
