// Residents choose among seven languages, on a phone, with or without JavaScript;
// staff pages stay in Japanese and English.
import {
	expect,
	test,
	type Browser,
	type BrowserContextOptions,
	type Page
} from '@playwright/test';
import {
	answerPage,
	DEMO_SLUG,
	expectNoAxeViolations,
	expectNoHorizontalScroll,
	question
} from './helpers';

const LANGUAGES = [
	{ code: 'ja', name: '日本語', lang: 'ja', nav: '言語', next: '次へ', surveyHasIt: true },
	{ code: 'ja-x-easy', name: 'やさしい日本語', lang: 'ja', nav: 'ことば', next: 'つぎへ' },
	{ code: 'en', name: 'English', lang: 'en', nav: 'Language', next: 'Next', surveyHasIt: true },
	{ code: 'zh', name: '中文（简体）', lang: 'zh-Hans', nav: '语言', next: '下一页' },
	{ code: 'ko', name: '한국어', lang: 'ko', nav: '언어', next: '다음' },
	{ code: 'vi', name: 'Tiếng Việt', lang: 'vi', nav: 'Ngôn ngữ', next: 'Tiếp theo' },
	{ code: 'pt', name: 'Português', lang: 'pt-BR', nav: 'Idioma', next: 'Avançar' }
];
const byCode = (code: string) => LANGUAGES.find((l) => l.code === code)!;

/** A cheap phone with JavaScript off, as many residents answer. */
async function phone(browser: Browser, options: BrowserContextOptions = {}) {
	const context = await browser.newContext({
		viewport: { width: 360, height: 740 },
		javaScriptEnabled: false,
		...options
	});
	return { context, page: await context.newPage() };
}

async function expectLanguage(page: Page, code: string) {
	const language = byCode(code);
	await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
	const nav = page.getByRole('navigation', { name: language.nav });
	await expect(nav.locator('[aria-current="true"]')).toHaveText(language.name);
}

for (const language of LANGUAGES) {
	test(`a resident chooses ${language.name} on a phone without JavaScript`, async ({ browser }) => {
		const { context, page } = await phone(browser);
		await page.goto(`/s/${DEMO_SLUG}`);
		const nav = page.getByRole('navigation', { name: '言語' });
		await expect(nav.getByRole('link')).toHaveText(LANGUAGES.map((l) => l.name));
		const link = nav.getByRole('link', { name: language.name, exact: true });
		await expect(link).toHaveAttribute('lang', language.lang);
		await link.click();

		await expectLanguage(page, language.code);
		await expect(page.getByRole('button', { name: language.next, exact: true })).toBeVisible();
		await expectNoHorizontalScroll(page);
		// Survey text it lacks stays Japanese, and says so to screen readers.
		const textLang = language.surveyHasIt ? language.lang : 'ja';
		await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', textLang);
		await expect(page.locator('.question-text').first()).toHaveAttribute('lang', textLang);

		// Remembered: the next visit, and the other residents' pages, are in it too.
		await page.goto(`/s/${DEMO_SLUG}`);
		await expectLanguage(page, language.code);
		await expect(page.getByRole('button', { name: language.next, exact: true })).toBeVisible();
		await page.goto('/');
		await expectLanguage(page, language.code);
		await expectNoHorizontalScroll(page);
		await context.close();
	});
}

test('every language passes axe on the answering, home and thank-you pages', async ({
	browser,
	baseURL
}) => {
	test.slow();
	// axe runs as a script; the pages are the same HTML with JavaScript on or off.
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const page = await context.newPage();
	for (const language of LANGUAGES) {
		await context.addCookies([{ name: 'koe_lang', value: language.code, url: baseURL! }]);
		for (const path of [`/s/${DEMO_SLUG}`, '/', `/s/${DEMO_SLUG}/thanks`]) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
			await expectNoHorizontalScroll(page);
			await expectNoAxeViolations(page);
		}
	}
	await context.close();
});

test('switching language mid-survey keeps the answers', async ({ browser }) => {
	const district = question('district');
	if (district.type !== 'single') throw new Error('unexpected demo');
	const { context, page } = await phone(browser);
	await page.goto(`/s/${DEMO_SLUG}?lang=vi`);
	// The demo survey has no Vietnamese text: its Japanese labels are what a resident sees.
	await answerPage(page, { district: district.options[2].key });
	await page.getByRole('button', { name: 'Tiếp theo' }).click();
	await expect(page.getByText('Trang 2/')).toBeVisible();

	// Past the first page the switch posts the answers along instead of linking.
	await page
		.getByRole('navigation', { name: 'Ngôn ngữ' })
		.getByRole('button', { name: 'English' })
		.click();
	await expectLanguage(page, 'en');
	await expect(page.getByText('Page 2 of')).toBeVisible();
	await expectNoHorizontalScroll(page);
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(
		page.getByRole('radio', { name: district.options[2].label.en, exact: true })
	).toBeChecked();

	await page.goto(`/s/${DEMO_SLUG}`);
	await expectLanguage(page, 'en');
	await context.close();
});

test('the browser’s language is the first guess', async ({ browser }) => {
	for (const [locale, code] of [
		['pt-BR', 'pt'],
		['zh-TW', 'zh'],
		['ko-KR', 'ko']
	]) {
		const { context, page } = await phone(browser, { locale });
		await page.goto(`/s/${DEMO_SLUG}`);
		await expectLanguage(page, code);
		await expect(page.getByRole('button', { name: byCode(code).next })).toBeVisible();
		await context.close();
	}
});

test('a missing page is in the resident’s language, with every language offered', async ({
	browser
}) => {
	const { context, page } = await phone(browser);
	const response = await page.goto('/s/no-such-survey');
	expect(response?.status()).toBe(404);
	await page.getByRole('link', { name: '한국어' }).click();
	await expectLanguage(page, 'ko');
	await expect(page.getByText('찾으시는 조사가 없습니다.')).toBeVisible();
	await context.close();
});

test('staff pages offer Japanese and English only, whatever a resident chose', async ({
	browser
}) => {
	const { context, page } = await phone(browser, { locale: 'en-US' });
	await page.goto('/?lang=vi');
	await expectLanguage(page, 'vi');
	await page.goto('/signin');
	const nav = page.getByRole('navigation', { name: 'Language' });
	await expect(nav.getByRole('link')).toHaveText(['日本語', 'English']);
	// Vietnamese is not a staff language: the browser's English instead.
	await expectLanguage(page, 'en');

	await page.goto('/?lang=ja-x-easy');
	await page.goto('/signin');
	await expectLanguage(page, 'ja');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('職員ログイン');
	await context.close();
});
