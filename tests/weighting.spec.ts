// Weighting and the per-type displays of the dashboard: an admin pastes the
// population, reads weighted percentages with margins of error, and sees a
// histogram, mean and median for a number question of /s/question-types.
import { expect, test, type Page } from '@playwright/test';
import {
	demoAgeGroups,
	demoDistricts,
	typesDefinition,
	typesSurvey
} from '../scripts/lib/demo-survey.js';
import { DEMO_SLUG, expectNoAxeViolations, signIn } from './helpers';

// Answering a survey, two dashboards and axe on each: more than the default minute
// on a busy two-core machine.
test.setTimeout(150_000);

const typesText = (key: string) => {
	const found = typesDefinition.sections.flatMap((s) => s.questions).find((q) => q.key === key);
	if (!found) throw new Error(`no question ${key} in the sample survey`);
	return found.text.ja;
};

async function answerTypesSurvey(page: Page) {
	const group = (key: string) => page.getByRole('group', { name: typesText(key) });
	const next = () => page.getByRole('button', { name: '次へ' }).click();
	await page.goto(`/s/${typesSurvey.slug}`);
	await group('transport').getByRole('radio', { name: '自家用車' }).check();
	await group('worries').getByRole('checkbox', { name: '買い物' }).check();
	await next();
	await group('recommend').getByRole('radio', { name: '10', exact: true }).check();
	await next();
	await page.getByRole('textbox', { name: typesText('years_here') }).fill('12');
	await page.getByRole('textbox', { name: typesText('bus_stop_km') }).fill('1.5');
	await next();
	const ranks = group('priorities');
	await ranks.getByRole('combobox', { name: '1位' }).selectOption({ label: '医療' });
	await ranks.getByRole('combobox', { name: '2位' }).selectOption({ label: '公共交通' });
	await ranks.getByRole('combobox', { name: '3位' }).selectOption({ label: '雇用' });
	await page.getByRole('button', { name: '回答を送信する' }).click();
	await expect(page).toHaveURL(new RegExp(`/s/${typesSurvey.slug}/thanks$`));
}

test('staff paste a population and read weighted percentages with margins of error', async ({
	page
}) => {
	await signIn(page, 'admin@demo.koe.example');
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	await page.getByRole('link', { name: '地区・年代別の人口を入力・取り込む' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('地区・年代別の人口');
	await expectNoAxeViolations(page);

	// A bad paste: every problem named by line, nothing stored.
	const csv = page.getByLabel('地区, 年代, 人口（1行に1区分）');
	await csv.fill('大嶺,18〜29歳,-5\n東京,30代,100\n');
	await page.getByRole('button', { name: '取り込む' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('何も保存していません');
	await expect(alert).toContainText('1行目: 人口にマイナスの数は使えません');
	await expect(alert).toContainText('2行目: 登録されていない地区です');
	await expect(csv).toHaveValue('大嶺,18〜29歳,-5\n東京,30代,100\n');
	await expect(page.getByLabel('大嶺・18〜29歳の人口')).toHaveValue('');

	// A whole paste, with a heading line, as copied from a spreadsheet.
	const lines = demoDistricts.flatMap((d, i) =>
		demoAgeGroups.map((a, j) => `${d.name.ja}\t${a.name.ja}\t${(i + 1) * 100 + j * 250}`)
	);
	await csv.fill(['地区\t年代\t人口', ...lines].join('\n'));
	await page.getByRole('button', { name: '取り込む' }).click();
	await expect(page.getByRole('status')).toHaveText(`人口を保存しました（${lines.length}区分）。`);
	await page.reload();
	await expect(page.getByLabel('大嶺・70歳以上の人口')).toHaveValue(String(100 + 5 * 250));

	await page.getByRole('link', { name: 'ダッシュボードに戻る' }).click();
	await expect(page.getByTestId('weighting-coverage')).toContainText('実質的な標本の大きさ');
	const first = page.locator('.question-results table').first();
	await expect(first.getByRole('columnheader', { name: '補正後（%）' })).toBeVisible();
	await expect(
		first.getByRole('columnheader', { name: '誤差（±ポイント）', exact: true })
	).toBeVisible();
	await expect(first.getByRole('cell', { name: /^±\d+\.\d$/ }).first()).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a number question shows a histogram, the mean and the median', async ({ page }) => {
	await answerTypesSurvey(page);
	await signIn(page, 'admin@demo.koe.example');
	await page.goto(`/dashboard/${typesSurvey.slug}`);
	const years = page.getByRole('region', { name: typesText('years_here') });
	await expect(years.getByRole('img', { name: /ヒストグラム/ })).toBeVisible();
	await expect(years.getByRole('definition').nth(1)).toHaveText(/^\d+(\.\d+)?年$/);
	await expect(years.getByText('中央値')).toBeVisible();
	await expect(years.getByRole('cell', { name: /^\d+$/ }).first()).toBeVisible();
	// the other types: a matrix's stacked bars, a rating's mean, a ranking's scores
	await expect(
		page.getByRole('img', { name: /公園について評価してください。の項目ごと/ })
	).toBeVisible();
	await expect(page.getByTestId('rating-mean-recommend')).toHaveText(/^平均 \d+\.\d\d/);
	await expect(page.getByRole('heading', { name: '順位の得点' })).toBeVisible();
	await expect(page.getByText('地区・年代の質問がないため')).toBeVisible();
	await expectNoAxeViolations(page);
});
