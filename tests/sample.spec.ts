// The mailed sample: reading in the drawn residents (UTF-8 and Shift_JIS CSV),
// printing letters whose QR code opens the survey with its code, and deleting
// the mailing details. Each test builds a survey of its own, so the tests run in
// any order, in parallel, and again on the same database.
import { devices, expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expectNoAxeViolations, signIn } from './helpers';

const EDITOR = 'editor@demo.koe.example';

/** A new published survey of the demo city (its districts and age groups), on its sample page. */
async function sampleOfNewSurvey(page: Page) {
	await signIn(page, EDITOR);
	await page.goto('/surveys');
	const slug = `sample-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
	await page.getByLabel('調査名（日本語）').fill('郵送調査のテスト');
	await page.getByLabel('URL用の名前').fill(slug);
	await page.getByRole('button', { name: '作成する' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('郵送調査のテスト');
	const id = new URL(page.url()).pathname.split('/').pop()!;
	await page.getByRole('button', { name: '下書きを保存' }).click();
	await expect(page.getByRole('status')).toHaveText('下書きを保存しました。');
	await page.getByRole('button', { name: 'この下書きを公開する' }).click();
	await expect(page.getByRole('status')).toContainText('公開しました');
	await page.getByRole('link', { name: '標本と招待コード（郵送調査）' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('標本と招待コード');
	return { id, slug };
}

/** The summary's count of invitation codes issued. */
async function codesIssued(page: Page) {
	const text = (await page.getByTestId('codes').textContent()) ?? '';
	return Number(text.replace(/\D/g, ''));
}

async function upload(page: Page, name: string, bytes: Uint8Array | string) {
	await page.getByLabel('CSVファイル').setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(bytes)
	});
	await page.getByRole('button', { name: '読み込んでコードを発行' }).click();
}

const THREE_RESIDENTS = [
	'通し番号,地区,年齢,氏名,郵便番号,住所',
	'1,大嶺,34,山田 太郎,759-2292,美祢市大嶺町東分1-1',
	'2,伊佐,70,佐藤 花子,759-2201,美祢市伊佐町伊佐2-2',
	'3,於福,18,鈴木 一郎,759-2301,美祢市於福町上3-3',
	''
].join('\r\n');

/** 地区,年齢,氏名 CRLF 美東,45,山田 花子 CRLF, byte by byte in Shift_JIS (as Excel saves it). */
const SJIS = new Uint8Array([
	...[0x92, 0x6e, 0x8b, 0xe6, 0x2c, 0x94, 0x4e, 0x97, 0xee, 0x2c, 0x8e, 0x81, 0x96, 0xbc],
	...[0x0d, 0x0a],
	...[0x94, 0xfc, 0x93, 0x8c, 0x2c, 0x34, 0x35, 0x2c],
	...[0x8e, 0x52, 0x93, 0x63, 0x20, 0x89, 0xd4, 0x8e, 0x71],
	...[0x0d, 0x0a]
]);

test('the Shift_JIS bytes of the test file are what they claim', () => {
	expect(new TextDecoder('shift_jis').decode(SJIS)).toBe('地区,年齢,氏名\r\n美東,45,山田 花子\r\n');
	expect(() => new TextDecoder('utf-8', { fatal: true }).decode(SJIS)).toThrow();
});

test('a sample file is read in whole in UTF-8 or Shift_JIS, or not at all', async ({ page }) => {
	const { id } = await sampleOfNewSurvey(page);
	const before = await codesIssued(page);

	await upload(page, 'sample.csv', THREE_RESIDENTS);
	await expect(page.getByRole('status')).toContainText(
		`3人を読み込み、整理番号 ${before + 1}〜${before + 3} の招待コードを発行しました。`
	);
	expect(await codesIssued(page)).toBe(before + 3);

	// One good row and three bad ones: each bad line is named, nothing is stored.
	await upload(page, 'bad.csv', '地区,年齢\n大嶺,34\n西部,40\n大嶺,abc\n大嶺,12\n');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('ファイルに問題があるため、何も読み込んでいません。');
	await expect(alert).toContainText('3行目：地区「西部」は、この市の地区にありません。');
	await expect(alert).toContainText(
		'4行目：年齢「abc」を読み取れないか、どの年代にも当たりません。'
	);
	await expect(alert).toContainText(
		'5行目：年齢「12」を読み取れないか、どの年代にも当たりません。'
	);
	await expect(alert.getByRole('listitem')).toHaveCount(3);
	expect(await codesIssued(page)).toBe(before + 3);
	await expectNoAxeViolations(page);

	// Not a CSV file at all.
	await page.getByLabel('CSVファイル').setInputFiles({
		name: 'sample.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])
	});
	await page.getByRole('button', { name: '読み込んでコードを発行' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Excel のブック（.xlsx・.xls）は読み込めません'
	);
	expect(await codesIssued(page)).toBe(before + 3);

	await upload(page, 'excel.csv', SJIS);
	await expect(page.getByRole('status')).toContainText(`1人を読み込み、整理番号 ${before + 4}〜`);
	expect(await codesIssued(page)).toBe(before + 4);

	// The name came through the Shift_JIS decoding intact.
	await page.goto(`/surveys/${id}/sample/labels`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('宛名ラベルの印刷');
	await expect(page.getByText('山田 花子 様')).toBeVisible();
	await expect(page.getByText('佐藤 花子 様')).toBeVisible();
	await expect(page.locator('.label')).toHaveCount(before + 4);
});

test('the dashboard and the printable report state the letters mailed with the response rate', async ({
	page
}) => {
	const { slug } = await sampleOfNewSurvey(page);
	await upload(page, 'sample.csv', THREE_RESIDENTS);
	await expect(page.getByRole('status')).toContainText('3人を読み込み');
	for (const path of [`/dashboard/${slug}`, `/dashboard/${slug}/report`]) {
		await page.goto(path);
		await expect(
			page.getByRole('heading', { name: '回収率（郵送した標本に対して）' })
		).toBeVisible();
		await expect(page.getByTestId('response-rate'), path).toContainText('送付 3件');
	}
	await expectNoAxeViolations(page);
});

test('settings are checked, kept when refused, and saved', async ({ page }) => {
	await sampleOfNewSurvey(page);
	const letterText = page.getByLabel('依頼文', { exact: true });
	await letterText.fill('あ'.repeat(4001));
	await page.getByRole('button', { name: '設定を保存' }).click();
	await expect(page.getByRole('alert')).toContainText('依頼文は4,000文字以内にしてください。');
	await expect(letterText).toHaveValue('あ'.repeat(4001));
	await expect(letterText).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);

	await letterText.fill('拝啓\n市民意識調査へのご協力をお願いします。');
	await page.getByLabel('ウェブでの回答に招待コードを必須にする').check();
	await page.getByLabel('その質問を無回答として扱う').check();
	await page.getByLabel('差出人・問い合わせ先').fill('美祢市 企画政策課\n電話 0837-52-0000');
	await page.getByRole('button', { name: '設定を保存' }).click();
	await expect(page.getByRole('status')).toHaveText('設定を保存しました。');

	await page.reload();
	await expect(letterText).toHaveValue('拝啓\n市民意識調査へのご協力をお願いします。');
	await expect(page.getByLabel('ウェブでの回答に招待コードを必須にする')).toBeChecked();
	await expect(page.getByLabel('その質問を無回答として扱う')).toBeChecked();
	await expect(page.getByLabel('差出人・問い合わせ先')).toHaveValue(
		'美祢市 企画政策課\n電話 0837-52-0000'
	);
});

test('letters print one per A4 page, and their QR code opens the survey with the code', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const { id, slug } = await sampleOfNewSurvey(page);
	await page.getByLabel('依頼文', { exact: true }).fill('拝啓\n調査へのご協力をお願いします。');
	await page.getByRole('button', { name: '設定を保存' }).click();
	await expect(page.getByRole('status')).toHaveText('設定を保存しました。');
	await upload(page, 'sample.csv', THREE_RESIDENTS);
	await expect(page.getByRole('status')).toContainText('3人を読み込み');
	await expectNoAxeViolations(page);

	const last = Number(await page.getByLabel('整理番号（まで）').inputValue());
	expect(last).toBeGreaterThanOrEqual(3);
	await page.getByLabel('整理番号（から）').fill(String(last - 2));
	await page.getByRole('button', { name: '依頼状を開く' }).click();
	await expect(page).toHaveURL(
		new RegExp(`/surveys/${id}/sample/letters\\?from=${last - 2}&to=${last}$`)
	);
	const letters = page.locator('article.letter');
	await expect(letters).toHaveCount(3);
	await expect(letters.first()).toContainText('山田 太郎 様');
	await expect(letters.first()).toContainText('拝啓\n調査へのご協力をお願いします。');
	await expectNoAxeViolations(page);

	// Print to PDF: one A4 page per letter, no site chrome or instructions.
	const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).toHaveLength(3);

	const first = letters.first();
	const code = (await first.getAttribute('data-code')) ?? '';
	expect(code).toMatch(/^[2-9A-HJ-NP-TV-Z]{12}$/);
	await expect(first).toContainText(code.match(/.{4}/g)!.join('-'));
	const qr = first.getByRole('img', { name: '回答用QRコード（招待コード入り）' });
	const png = PNG.sync.read(await qr.locator('svg').screenshot());
	const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
	const link = `${baseURL}/s/${slug}?code=${code}`;
	expect(decoded?.data).toBe(link);

	// Scanned with a phone: the survey opens at its first question, no code asked.
	const { viewport, userAgent, isMobile, hasTouch, deviceScaleFactor } = devices['Pixel 7'];
	const phone = await browser.newContext({
		viewport,
		userAgent,
		isMobile,
		hasTouch,
		deviceScaleFactor,
		baseURL,
		locale: 'ja-JP'
	});
	const resident = await phone.newPage();
	await resident.goto(link);
	await expect(resident.getByRole('radio', { name: '選択肢1' })).toBeVisible();
	await expect(resident.getByLabel('招待コード', { exact: true })).toHaveCount(0);
	await phone.close();

	// The reminder postcards: one per addressed letter, with the survey's QR code and no code.
	await page.goto(`/surveys/${id}/sample/reminder?from=${last - 2}&to=${last}`);
	await expect(page.locator('article.postcard')).toHaveCount(3);
	await expect(page.getByRole('img', { name: '回答用ページのQRコード' })).toHaveCount(3);
	await expect(page.locator('article.postcard').first()).not.toContainText(code);
});

test('nonsense letter ranges are refused', async ({ page }) => {
	const { id } = await sampleOfNewSurvey(page);
	for (const query of ['from=abc', 'from=5&to=2', 'from=1&to=2001', 'from=0']) {
		const response = await page.goto(`/surveys/${id}/sample/letters?${query}`);
		expect(response?.status(), query).toBe(400);
	}
});

test('deleting the mailing details keeps the codes and ends printing', async ({ page }) => {
	const { id } = await sampleOfNewSurvey(page);
	await upload(page, 'sample.csv', THREE_RESIDENTS);
	await expect(page.getByRole('status')).toContainText('3人を読み込み');
	const codes = await codesIssued(page);
	await expect(page.getByTestId('letters')).toHaveText(String(codes));

	await page.getByLabel('郵送が終わり、氏名と住所を削除してよいことを確認しました').check();
	await page.getByRole('button', { name: '郵送先の情報を削除する' }).click();
	await expect(page.getByRole('status')).toContainText(
		`${codes}通分の郵送先の情報を削除しました。依頼状はもう印刷できません。`
	);
	expect(await codesIssued(page)).toBe(codes);
	await expect(page.getByTestId('letters')).toHaveText('0');
	await expect(page.getByRole('button', { name: '依頼状を開く' })).toHaveCount(0);
	await expect(page.getByLabel('CSVファイル')).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.goto(`/surveys/${id}/sample/letters`);
	await expect(page.getByText('郵送先の情報は削除済みのため、もう印刷できません。')).toBeVisible();
	await expect(page.locator('article.letter')).toHaveCount(0);
});
