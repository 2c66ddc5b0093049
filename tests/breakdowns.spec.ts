// Cross-tabs by a breakdown question, filtered, as a shareable URL. The demo's
// paper questionnaires come only from the seed (other tests answer on the web),
// so their counts are fixed: 28 in all, 16 by women, 9 of them 「ずっと住み続けたい」.
import { expect, test } from '@playwright/test';
import { DEMO_SLUG, expectNoAxeViolations, signIn } from './helpers';

test('an official splits a question by gender for paper answers, and shares the view', async ({
	page
}) => {
	await signIn(page, 'admin@demo.koe.example');
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	await page.getByRole('link', { name: '属性別のクロス集計（絞り込み）' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('属性別のクロス集計');

	await page
		.getByLabel('集計する質問')
		.selectOption({ label: 'あなたは、これからも美祢市に住み続けたいと思いますか。' });
	await page
		.getByLabel('分ける属性（表側）')
		.selectOption({ label: 'あなたの性別を教えてください。' });
	await page.getByLabel('回答方法').selectOption({ label: '紙' });
	await page.getByRole('button', { name: '表示', exact: true }).click();
	await expect(page).toHaveURL(/[?&]by=gender(&|$)/);
	await expect(page).toHaveURL(/[?&]source=paper(&|$)/);

	const check = async () => {
		const table = page.getByRole('table', { name: /住み続けたい.*性別/ });
		const women = table
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: '女性' }) });
		await expect(women.getByRole('cell').nth(0)).toHaveText('16');
		await expect(women.getByRole('cell').nth(1)).toHaveText('956.3%');
		const total = table
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: '全体' }) });
		await expect(total.getByRole('cell').nth(0)).toHaveText('28');
		await expect(page.getByLabel('回答方法')).toHaveValue('paper');
	};
	await check();
	await expectNoAxeViolations(page);

	// The URL is the view: opened again (or by someone else), it shows the same table.
	const shared = page.url();
	await page.goto(shared);
	await check();

	// Unknown values in a hand-edited URL fall back to the defaults instead of failing.
	const broken = await page.goto(
		`/dashboard/${DEMO_SLUG}/crosstab?target=nope&by=income&source=fax&from=2026-13-40`
	);
	expect(broken?.status()).toBe(200);
	await expect(page.getByLabel('回答方法')).toHaveValue('');
});
