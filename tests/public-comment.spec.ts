// Public comment end to end: an editor publishes a draft, a resident comments on
// a phone with JavaScript off, a clerk keys in a paper comment, the editor
// answers both and publishes the table; no personal detail reaches any public
// page or export. The SQL rules themselves are tested in public-comment.test.ts.
import { devices, expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll, signIn } from './helpers';

const EDITOR = 'editor@demo.koe.example';
const CLERK = 'entry@demo.koe.example';
const RESIDENT = { name: '大嶺 花子', address: '美祢市大嶺町東分1-2-3' };
const PAPER = { name: '秋芳 太郎', address: '美祢市秋芳町秋吉99' };
const japanDay = (offset = 0) =>
	new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: 'serial' });

async function createConsultation(page: Page, slug: string, from: string, to: string) {
	await page.goto('/consultations');
	await page.getByLabel(/^件名/).fill(`テスト計画（案）${slug}`);
	await page.getByLabel('公開アドレス').fill(slug);
	await page.getByLabel('募集開始日').fill(from);
	await page.getByLabel(/^募集終了日/).fill(to);
	await page.getByLabel('氏名の記入').selectOption('required');
	await page.getByRole('button', { name: 'つくる' }).click();
	await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
	const id = page.url().split('/').pop()!;
	await page
		.getByLabel('本文（Markdown）')
		.fill(
			'## 第1章 総論\n\n本計画の目的です。<b>太字ではない</b>\n\n## 第2章 子育て\n\n- 公園の整備\n- 保育の充実'
		);
	await page.getByRole('button', { name: '本文を保存する' }).click();
	await expect(page.getByRole('status')).toHaveText('保存しました。');
	await page.getByRole('button', { name: '案を公開する' }).click();
	await expect(page.getByTestId('state')).toContainText('案を公開中');
	return id;
}

test('a draft is commented on, answered and published without personal details', async ({
	page,
	browser
}) => {
	const slug = `pc-e2e-${Date.now()}`;
	await signIn(page, EDITOR);
	const id = await createConsultation(page, slug, japanDay(-1), japanDay(12));
	// 14 days: Koe warns, and still saves
	await expect(page.getByTestId('short-period')).toContainText('14日間');
	await expectNoAxeViolations(page);

	// A resident on a phone without JavaScript, 360 px wide
	const phone = await browser.newContext({
		...devices['Pixel 7'],
		viewport: { width: 360, height: 780 },
		javaScriptEnabled: false,
		locale: 'ja-JP'
	});
	const resident = await phone.newPage();
	await resident.goto(`/pc/${slug}`);
	await expect(resident.getByRole('heading', { level: 1 })).toContainText('テスト計画（案）');
	await expect(resident.getByText('<b>太字ではない</b>', { exact: false })).toBeVisible();
	await expect(resident.locator('article b')).toHaveCount(0);
	await expectNoHorizontalScroll(resident);
	await resident.getByRole('link', { name: '「第2章 子育て」について意見を書く' }).click();
	await expect(resident.getByLabel('意見の対象')).toHaveValue(/[0-9a-f-]{36}/);
	await resident.getByLabel(/^ご意見/).fill(`公園を増やしてほしい。${RESIDENT.name}より`);
	await resident.getByLabel(/^住所/).fill(RESIDENT.address);
	await resident.getByRole('checkbox', { name: /同意します/ }).check();
	// without the required name: a field message, and what was typed is kept
	await resident.getByRole('button', { name: '意見を送る' }).click();
	await expect(resident.getByText('氏名を書いてください（100字以内）。')).toBeVisible();
	await expect(resident.getByLabel(/^ご意見/)).toHaveValue(/公園を増やしてほしい/);
	await resident.getByLabel(/^氏名/).fill(RESIDENT.name);
	await resident.waitForTimeout(3100); // a person takes a few seconds
	await resident.getByRole('button', { name: '意見を送る' }).click();
	await expect(resident.getByRole('heading', { name: 'ご意見を受け付けました' })).toBeVisible();
	await expect(resident.getByTestId('receipt')).toHaveText('受付番号：1');
	const tapTargets = await resident
		.getByRole('link')
		.evaluateAll(
			(links) =>
				links.filter((l) => l.closest('main') && l.getBoundingClientRect().height < 44).length
		);
	expect(tapTargets).toBe(0);

	// A clerk keys in a letter
	const office = await browser.newContext({ locale: 'ja-JP' });
	const clerk = await office.newPage();
	await signIn(clerk, CLERK, /\/entry$/);
	await clerk.getByRole('link', { name: `テスト計画（案）${slug}` }).click();
	await clerk.getByLabel('受け付けた方法').selectOption('paper');
	await clerk.getByLabel('ご意見').fill('バスの本数を増やしてほしい。');
	await clerk.getByLabel('氏名').fill(PAPER.name);
	await clerk.getByLabel('住所').fill(PAPER.address);
	await clerk.getByRole('button', { name: '登録する' }).click();
	await expect(clerk.getByTestId('entered')).toContainText('受付番号 2');
	await expectNoAxeViolations(clerk);

	// The editor answers both: the first in a group
	await page.goto(`/consultations/${id}/comments`);
	await expect(page.getByText(RESIDENT.address)).toBeVisible();
	const newGroup = page.locator('form', {
		has: page.getByRole('heading', { name: '新しいグループ' })
	});
	await newGroup.getByLabel('意見の概要（公表します）').fill('公園の充実を求める意見');
	await newGroup.getByLabel('市の考え方（公表します）').fill('公園の整備を計画に位置付けます。');
	await newGroup.getByLabel('案の修正').selectOption('true');
	await newGroup.getByLabel('修正の内容').fill('第2章に公園の整備を追記しました。');
	await page.getByRole('button', { name: 'グループをつくる' }).click();
	await expect(page.getByRole('status')).toHaveText('保存しました。');
	const first = page.getByRole('article', { name: '意見 No.1' });
	await first.getByLabel('意見の種類').selectOption('revision');
	await first.getByLabel('グループ').selectOption({ label: '公園の充実を求める意見' });
	await first.getByRole('button', { name: 'No.1を保存する' }).click();
	const second = page.getByRole('article', { name: '意見 No.2' });
	await second.getByLabel('意見の概要（公表します）').fill('バスの増便を求める意見');
	await second.getByLabel('市の考え方（公表します）').fill('今後の参考とさせていただきます。');
	await second.getByLabel('案の修正').selectOption('false');
	await second.getByRole('button', { name: 'No.2を保存する' }).click();
	await expect(second.getByRole('status')).toHaveText('保存しました。');
	await expectNoAxeViolations(page);
	await page.goto(`/consultations/${id}`);
	await page.getByRole('button', { name: '意見と市の考え方を公表する' }).click();
	await expect(page.getByTestId('state')).toContainText('意見と考え方を公表中');

	// The public table, its files, and the draft: nothing personal anywhere
	await resident.goto(`/pc/${slug}/results`);
	await expect(resident.getByTestId('count')).toContainText('2件');
	const rows = resident.getByRole('row');
	await expect(rows.nth(1)).toContainText('公園の充実を求める意見');
	await expect(rows.nth(1)).toContainText('修正あり');
	await expect(rows.nth(2)).toContainText('バスの増便を求める意見');
	await expectNoHorizontalScroll(resident);
	const anonymous = await browser.newContext({ locale: 'ja-JP' });
	const visitor = await anonymous.newPage();
	await visitor.goto(`/pc/${slug}/results`);
	await expectNoAxeViolations(visitor);
	await visitor.emulateMedia({ media: 'print' });
	await expect(visitor.locator('footer.site')).toBeHidden();
	for (const path of [`/pc/${slug}`, `/pc/${slug}/results`]) {
		const html = await (await visitor.request.get(path)).text();
		for (const detail of [...Object.values(RESIDENT), ...Object.values(PAPER)]) {
			expect(html, path).not.toContain(detail);
		}
	}
	const csv = await visitor.request.get(`/pc/${slug}/results/opinions.csv`);
	const csvText = (await csv.body()).toString('utf8');
	expect(csvText.startsWith('\uFEFF')).toBe(true);
	expect(csvText).toContain('\r\n');
	expect(csvText).toContain('公園の充実を求める意見');
	const xlsx = await visitor.request.get(`/pc/${slug}/results/opinions.xlsx`);
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
	const xlsxBytes = await xlsx.body();
	for (const detail of [...Object.values(RESIDENT), ...Object.values(PAPER)]) {
		expect(csvText).not.toContain(detail);
		expect(xlsxBytes.includes(Buffer.from(detail))).toBe(false);
	}
	await visitor.goto(`/pc/${slug}`);
	await expectNoAxeViolations(visitor);
	// English chrome around the Japanese table
	await visitor.goto(`/pc/${slug}/results?lang=en`);
	await expect(visitor.getByRole('columnheader', { name: "The city's view" })).toBeVisible();
	await expect(visitor.getByTestId('count')).toContainText('2 comments');
	await expect(visitor.getByRole('row').nth(2)).toContainText('Not revised');

	await phone.close();
	await office.close();
	await anonymous.close();
});

test('outside its period a draft says so and takes no comment', async ({ page, request }) => {
	const slug = `pc-over-${Date.now()}`;
	await signIn(page, EDITOR);
	await createConsultation(page, slug, japanDay(-40), japanDay(-1));
	await page.goto(`/pc/${slug}`);
	await expect(page.getByTestId('phase')).toContainText('終了しました');
	await expect(page.getByRole('button', { name: '意見を送る' })).toHaveCount(0);
	const posted = await request.post(`/pc/${slug}`, {
		form: { body: '遅れた意見', consent: 'on', name: 'x' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(posted.status()).toBe(410);
	expect(await posted.text()).toContain('募集期間外の意見は受け付けていません');
});

test('the plan timeline links to the survey results and the public comment', async ({ page }) => {
	await page.goto('/plan/mine-plan');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'第二次美祢市総合計画 後期基本計画'
	);
	const items = page.getByRole('main').getByRole('listitem');
	await expect(items.nth(0)).toContainText('市民意識調査');
	await expect(items.nth(0)).toContainText('完了');
	await expect(items.nth(2)).toContainText('実施中');
	await page.getByRole('link', { name: '計画（案）と意見募集' }).click();
	await expect(page).toHaveURL(/\/pc\/mine-plan-draft$/);
	await expect(page.getByTestId('phase')).toContainText('募集しています');
	await page.goto('/plan/mine-plan');
	await expectNoAxeViolations(page);
	await page.setViewportSize({ width: 360, height: 780 });
	await expectNoHorizontalScroll(page);

	// editors maintain it
	await signIn(page, EDITOR);
	await page.goto('/plans');
	await page.getByRole('link', { name: '第二次美祢市総合計画 後期基本計画', exact: true }).click();
	await page.getByLabel('名前（空にすると削除）').nth(4).fill('市議会への報告');
	await page.getByLabel('種類').nth(4).selectOption('council');
	await page.getByLabel('開始日').nth(4).fill(japanDay(40));
	await page.getByRole('button', { name: '節目を保存する' }).click();
	await expect(page.getByRole('status')).toHaveText('保存しました。');
	await expectNoAxeViolations(page);
	await page.goto('/plan/mine-plan');
	await expect(page.getByRole('main').getByRole('listitem').nth(4)).toContainText('市議会への報告');
	await expect(page.getByRole('main').getByRole('listitem').nth(4)).toContainText('予定');
});

test('a bot that fills the hidden field or sends at once is turned away, storing nothing', async ({
	request,
	baseURL,
	page: staff
}) => {
	const post = (fields: Record<string, string>) =>
		request.post('/pc/mine-plan-draft', {
			form: {
				key: crypto.randomUUID(),
				shown: String(Date.now() - 60_000),
				body: 'スパム',
				consent: 'on',
				...fields
			},
			headers: { origin: baseURL!, accept: 'text/html' }
		});
	const honeypot = await post({ website: 'https://spam.example' });
	expect(honeypot.status()).toBe(200);
	const page = await honeypot.text();
	expect(page).toContain('ご意見を受け付けました');
	expect(page).not.toContain('受付番号');
	const hasty = await post({ shown: String(Date.now()) });
	expect(hasty.status()).toBe(429);
	expect(await hasty.text()).toContain('送信が早すぎたため');
	await signIn(staff, EDITOR);
	await staff.goto('/consultations');
	await expect(
		staff.getByRole('listitem').filter({ hasText: '第二次美祢市総合計画 後期基本計画（案）' })
	).toContainText('0件');
});
