// Every question type on a 360 px phone, with JavaScript on and off (the phone
// projects of playwright.config.ts): the sample survey /s/question-types.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { typesDefinition, typesSurvey } from '../scripts/lib/demo-survey.js';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';

test.use({ viewport: { width: 360, height: 740 } });

const URL = `/s/${typesSurvey.slug}`;
const text = (key: string) => {
	const found = typesDefinition.sections.flatMap((s) => s.questions).find((q) => q.key === key);
	if (!found) throw new Error(`no question ${key} in the sample survey`);
	return found.text.ja;
};
const group = (page: Page, key: string) => page.getByRole('group', { name: text(key) });
const errorOf = (page: Page, key: string) => page.locator(`#field-${key} .error`).first();
const next = (page: Page) => page.getByRole('button', { name: '次へ' }).click();
const jsOn = () => test.info().project.use.javaScriptEnabled !== false;

async function checkPage(page: Page) {
	await expectNoHorizontalScroll(page);
	await expectNoAxeViolations(page);
}

const otherBox = (scope: Locator) => scope.getByRole('textbox', { name: '「その他」の内容' });

test('a resident answers every type, and each type explains its error', async ({ page }) => {
	await page.goto(URL);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(typesSurvey.title.ja);
	await checkPage(page);

	// Page 1: 「その他」 without its text; 「特にない」 with 「その他」.
	await group(page, 'transport').getByRole('radio', { name: 'その他（具体的に）' }).check();
	await page.getByLabel(text('shopping_place')).selectOption({ label: '宇部市' });
	const worries = group(page, 'worries');
	await worries.getByRole('checkbox', { name: '特にない' }).check();
	await otherBox(worries).fill('除雪');
	if (jsOn()) {
		// Typing ticked 「その他」, which cleared 「特にない」.
		await expect(worries.getByRole('checkbox', { name: 'その他（具体的に）' })).toBeChecked();
		await expect(worries.getByRole('checkbox', { name: '特にない' })).not.toBeChecked();
	}
	await next(page);
	await expect(errorOf(page, 'transport')).toHaveText('「その他」の内容を入力してください');
	if (!jsOn()) {
		await expect(errorOf(page, 'worries')).toHaveText(
			'この選択肢は、ほかの選択肢と一緒には選べません'
		);
		await expect(otherBox(worries)).toHaveValue('除雪');
		await worries.getByRole('checkbox', { name: '特にない' }).uncheck();
	}
	await expect(page.getByLabel(text('shopping_place'))).toHaveValue('ube');
	await checkPage(page);
	await otherBox(group(page, 'transport')).fill('タクシー');
	await next(page);

	// Page 2: an information block, an 11-point scale that must wrap, a required rating.
	await expect(page.getByText('あてはまる数字を1つ選んでください')).toBeVisible();
	await expect(group(page, 'recommend').getByText('0：すすめない')).toBeVisible();
	await checkPage(page);
	await next(page);
	await expect(errorOf(page, 'recommend')).toHaveText('この質問にお答えください');
	await group(page, 'recommend').getByRole('radio', { name: '10', exact: true }).check();
	await group(page, 'library').getByRole('radio', { name: '4', exact: true }).check();
	await page
		.locator('#field-parks')
		.getByRole('group', { name: '清潔さ' })
		.getByRole('radio', { name: 'よい' })
		.check();
	await next(page);

	// Page 3: numbers out of range or not numbers at all, a date too early.
	const years = page.getByRole('textbox', { name: text('years_here') });
	const distance = page.getByRole('textbox', { name: text('bus_stop_km') });
	await expect(years).toHaveAttribute('inputmode', 'numeric');
	await expect(distance).toHaveAttribute('inputmode', 'decimal');
	await years.fill('150');
	await distance.fill('近い');
	await page.getByLabel(text('last_visit')).fill('2019-05-01');
	await next(page);
	await expect(errorOf(page, 'years_here')).toHaveText('120以下の数を入力してください');
	await expect(errorOf(page, 'bus_stop_km')).toHaveText('数字で入力してください');
	await expect(errorOf(page, 'last_visit')).toHaveText('2020-01-01以降の日付を入力してください');
	await expect(distance).toHaveValue('近い');
	await checkPage(page);
	await years.fill('１'); // full-width, as a Japanese keyboard may type it
	await distance.fill('0.5');
	await page.getByLabel(text('last_visit')).fill('2025-03-31');
	await next(page);

	// Page 4: shown for a newcomer (1 year ≤ 2); a rank chosen twice; text too long.
	await expect(page.getByText('転入されて間もない方へ')).toBeVisible();
	const ranks = group(page, 'priorities');
	await ranks.getByRole('combobox', { name: '1位' }).selectOption({ label: '医療' });
	await ranks.getByRole('combobox', { name: '2位' }).selectOption({ label: '医療' });
	await ranks.getByRole('combobox', { name: '3位' }).selectOption({ label: '雇用' });
	await page.getByRole('textbox', { name: text('one_word') }).fill('あ'.repeat(31));
	await page.getByRole('button', { name: '回答を送信する' }).click();
	await expect(errorOf(page, 'priorities')).toHaveText(
		'同じ選択肢を複数の順位に選ぶことはできません'
	);
	await expect(errorOf(page, 'one_word')).toHaveText('30文字以内で入力してください');
	await expect(ranks.getByRole('combobox', { name: '3位' })).toHaveValue('jobs');
	await checkPage(page);
	await ranks.getByRole('combobox', { name: '2位' }).selectOption({ label: '公共交通' });
	await page.getByRole('textbox', { name: text('one_word') }).fill('カルスト');
	await page.getByRole('button', { name: '回答を送信する' }).click();

	await expect(page).toHaveURL(new RegExp(`${URL}/thanks$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('ご回答ありがとうございました');
});

test('shuffled options keep their order for one resident, through errors', async ({ page }) => {
	await page.goto(URL);
	// The options' own labels, in the order shown (not the label of 「その他」's text box).
	const labels = async () =>
		(await group(page, 'transport').locator('label:has(input[type=radio])').allTextContents()).map(
			(l) => l.trim()
		);
	const before = await labels();
	expect([...before].sort()).toEqual(
		['その他（具体的に）', '自家用車', 'バス', '鉄道', '徒歩・自転車'].sort()
	);
	expect(before.at(-1)).toBe('その他（具体的に）');
	await next(page); // nothing answered: errors, the same page again
	await expect(errorOf(page, 'transport')).toBeVisible();
	expect(await labels()).toEqual(before);
});

test('with JavaScript, 「特にない」 clears the other worries and they clear it', async ({
	page
}) => {
	test.skip(!jsOn(), 'a convenience of static/answer.js');
	await page.goto(URL);
	const worries = group(page, 'worries');
	const box = (name: string) => worries.getByRole('checkbox', { name, exact: true });
	await box('買い物').check();
	await box('冬の道路').check();
	await expect(box('通院')).toBeDisabled(); // up to 2
	await expect(box('特にない')).toBeEnabled();
	await box('特にない').check();
	await expect(box('買い物')).not.toBeChecked();
	await expect(box('冬の道路')).not.toBeChecked();
	await expect(box('通院')).toBeEnabled();
	await box('通院').check();
	await expect(box('特にない')).not.toBeChecked();
});
