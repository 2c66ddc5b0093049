import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signIn } from './helpers';

test('an editor builds a survey, publishes it, and a resident answers it', async ({
	page,
	browser
}) => {
	await signIn(page, 'editor@demo.koe.example');
	await page.goto('/surveys');
	await expectNoAxeViolations(page);
	const slug = `e2e-${Date.now()}`;
	await page.getByLabel('調査名（日本語）').fill('広報に関するアンケート');
	await page.getByLabel('URL用の名前').fill(slug);
	await page.getByRole('button', { name: '作成する' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('広報に関するアンケート');

	const first = page.locator('.question-card').first();
	await first
		.getByRole('group', { name: '質問文' })
		.getByLabel('日本語')
		.fill('市の広報紙を読みますか');
	await page.getByRole('button', { name: '質問を追加' }).click();
	const second = page.locator('.question-card').nth(1);
	await second
		.getByRole('group', { name: '質問文' })
		.getByLabel('日本語')
		.fill('よく読む記事は何ですか');
	await second.getByLabel('種類').selectOption('text');
	await second.getByText('表示条件').click();
	await second.getByRole('button', { name: '条件を追加' }).click();
	await second.getByLabel('条件の種類').selectOption('equals');
	await expect(second.getByLabel('対象の質問')).toHaveValue('q1');
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: '下書きを保存' }).click();
	await expect(page.getByRole('status')).toHaveText('下書きを保存しました。');
	await page.getByRole('button', { name: 'この下書きを公開する' }).click();
	await expect(page.getByRole('status')).toContainText('公開しました');

	const phone = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 360, height: 740 },
		locale: 'ja-JP'
	});
	const resident = await phone.newPage();
	await resident.goto(`/s/${slug}`);
	await resident.getByRole('radio', { name: '選択肢1' }).check();
	await resident.getByRole('button', { name: '次へ' }).click();
	// the follow-up question, shown because of the answer just given
	await resident.getByLabel('よく読む記事は何ですか').fill('イベント情報');
	await resident.getByRole('button', { name: '回答を送信する' }).click();
	await expect(resident.getByRole('heading', { level: 1 })).toHaveText(
		'ご回答ありがとうございました'
	);
	await phone.close();
});

test('the builder refuses malformed JSON and explains why', async ({ page }) => {
	await signIn(page, 'editor@demo.koe.example');
	await page.goto('/surveys');
	await page.getByRole('link', { name: /市民意識調査/ }).click();
	await page.getByLabel('JSONを貼り付けて読み込む').fill('{ not json');
	await page.getByRole('button', { name: '読み込む' }).click();
	await expect(page.getByRole('alert').first()).toContainText('JSONとして読み取れませんでした');
	await page.getByLabel('JSONを貼り付けて読み込む').fill('{"languages": ["ja"], "sections": []}');
	await page.getByRole('button', { name: '読み込む' }).click();
	await expect(page.getByRole('alert').first()).toContainText('以上');
});

const TYPES = ['multi', 'matrix', 'rating', 'number', 'date', 'ranking', 'text', 'info'] as const;

test('every question type is built in the builder, answered on a phone, and counted', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'editor@demo.koe.example');
	await page.goto('/surveys');
	const slug = `types-${Date.now()}`;
	await page.getByLabel('調査名（日本語）').fill('全種類の質問');
	await page.getByLabel('URL用の名前').fill(slug);
	await page.getByRole('button', { name: '作成する' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('全種類の質問');

	const card = (i: number) => page.locator('.question-card').nth(i);
	const title = (i: number, text: string) =>
		card(i).getByRole('group', { name: '質問文' }).getByLabel('日本語').fill(text);
	await title(0, '単一選択の質問');
	for (const [n, type] of TYPES.entries()) {
		await page.getByRole('button', { name: '質問を追加' }).click();
		await card(n + 1)
			.getByLabel('種類')
			.selectOption(type);
		await title(n + 1, `${type}の質問`);
	}
	// Reorder by dragging (mouse) and by the move buttons (keyboard).
	const transfer = await page.evaluateHandle(() => new DataTransfer());
	await card(6).locator('.handle').dispatchEvent('dragstart', { dataTransfer: transfer });
	await card(1).dispatchEvent('dragover', { dataTransfer: transfer });
	await card(1).dispatchEvent('drop', { dataTransfer: transfer });
	await expect(card(1).getByRole('heading', { level: 3 })).toHaveText('2. rankingの質問');
	await card(1).locator('.card-bar').getByRole('button', { name: /^下へ/ }).click();
	await expect(card(2).getByRole('heading', { level: 3 })).toHaveText('3. rankingの質問');
	await expect(page.locator('.error-summary')).toHaveCount(0);
	await expect(page.locator('.phone-frame')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: '下書きを保存' }).click();
	await expect(page.getByRole('status')).toHaveText('下書きを保存しました。');
	await page.getByRole('button', { name: 'この下書きを公開する' }).click();
	await expect(page.getByRole('status')).toContainText('公開しました');

	for (const javaScriptEnabled of [false, true]) {
		const phone = await browser.newContext({
			javaScriptEnabled,
			viewport: { width: 360, height: 740 },
			isMobile: true,
			locale: 'ja-JP'
		});
		const resident = await phone.newPage();
		await resident.goto(`/s/${slug}`);
		const group = (name: string) => resident.getByRole('group', { name });
		await group('単一選択の質問').getByRole('radio', { name: '選択肢1' }).check();
		await group('multiの質問').getByRole('checkbox', { name: '選択肢2' }).check();
		await group('項目1').getByRole('radio', { name: '4' }).check();
		await group('ratingの質問').getByRole('radio', { name: '3', exact: true }).check();
		await resident.getByRole('textbox', { name: 'numberの質問' }).fill('12');
		await resident.getByLabel('dateの質問').fill('2026-04-01');
		await group('rankingの質問')
			.getByRole('combobox', { name: '1位' })
			.selectOption({ label: '選択肢3' });
		await group('rankingの質問')
			.getByRole('combobox', { name: '2位' })
			.selectOption({ label: '選択肢1' });
		await resident.getByRole('textbox', { name: 'textの質問' }).fill('ありがとう');
		await expect(resident.getByText('infoの質問')).toBeVisible();
		await resident.getByRole('button', { name: '回答を送信する' }).click();
		await expect(resident.getByRole('heading', { level: 1 })).toHaveText(
			'ご回答ありがとうございました'
		);
		await phone.close();
	}

	await page.goto(`/dashboard/${slug}`);
	await expect(page.getByTestId('respondents')).toHaveText('回答数 2件');
	const single = page.locator('.question-results').getByRole('table', { name: '単一選択の質問' });
	await expect(single.getByRole('row', { name: /^選択肢1 / })).toHaveText(/選択肢1\s*2\s*100\.0/);

	// Editing the published survey starts version 2; the responses stay counted.
	await page.goto('/surveys');
	await page.getByRole('link', { name: '全種類の質問' }).click();
	await title(0, '単一選択の質問（改訂）');
	await page.getByRole('button', { name: '下書きを保存' }).click();
	await expect(page.getByRole('status')).toHaveText('下書きを保存しました。');
	await page.getByRole('button', { name: 'この下書きを公開する' }).click();
	await expect(page.getByRole('status')).toContainText('公開しました');
	await expect(page.locator('.versions li')).toHaveCount(2);
	await page.goto(`/dashboard/${slug}`);
	await expect(page.getByTestId('respondents')).toHaveText('回答数 2件');
});
