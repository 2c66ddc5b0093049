// Save and resume. Runs on a Pixel- and an iPhone-sized phone, each with
// JavaScript on and off (the local autosave test only with it on).
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	answerPage,
	DEMO_SLUG,
	expectNoAxeViolations,
	expectNoHorizontalScroll,
	question
} from './helpers';

const next = (page: Page) => page.getByRole('button', { name: '次へ' }).click();
const resumeBox = (page: Page) => page.getByRole('region', { name: 'あとで続きを回答するには' });

/** A fresh browser (no cookies, no storage) on the same phone as the test's. */
async function otherPhone(browser: Browser) {
	const { viewport, userAgent, isMobile, hasTouch, deviceScaleFactor, javaScriptEnabled, baseURL } =
		test.info().project.use;
	const context = await browser.newContext({
		viewport,
		userAgent,
		isMobile,
		hasTouch,
		deviceScaleFactor,
		javaScriptEnabled,
		baseURL,
		locale: 'ja-JP'
	});
	return { context, page: await context.newPage() };
}

/** Answers from the current page to the thank-you page. */
async function finish(page: Page) {
	for (let step = 0; step < 10; step++) {
		await answerPage(page, { settle_intent: 'stay_always' });
		const submit = page.getByRole('button', { name: '回答を送信する' });
		if ((await submit.count()) > 0) {
			await submit.click();
			break;
		}
		await next(page);
	}
	await expect(page).toHaveURL(new RegExp(`/s/${DEMO_SLUG}/thanks$`));
}

test('answers saved at every page resume on another phone, by code and by link', async ({
	page,
	browser
}) => {
	await page.goto(`/s/${DEMO_SLUG}`);
	await expect(resumeBox(page)).toHaveCount(0);
	await expect(page.getByText(/^残り約\d+分$/)).toBeVisible();
	await answerPage(page);
	await next(page);
	await answerPage(page, { settle_intent: 'stay_always' });
	await next(page);
	await expect(page.getByText('3 / ', { exact: false })).toBeVisible();

	const box = resumeBox(page);
	await expect(box).toBeVisible();
	const code = (await box.locator('.code').textContent())!.trim();
	expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
	const href = await box.getByRole('link', { name: /続きから回答するリンク/ }).getAttribute('href');
	const url = new URL(href!, page.url());
	const link = `${url.pathname}${url.search}`;
	expect(link).toBe(`/s/${DEMO_SLUG}?resume=${code}`);
	await expectNoHorizontalScroll(page);
	await expectNoAxeViolations(page);

	// Typed from a paper note on another phone: lower case, spaces instead of hyphens.
	const typing = await otherPhone(browser);
	await typing.page.goto(`/s/${DEMO_SLUG}`);
	await typing.page.getByText('以前の回答の続きから回答する').click();
	await typing.page
		.getByLabel('再開コード', { exact: true })
		.fill(code.toLowerCase().replaceAll('-', ' '));
	await typing.page.getByRole('button', { name: '続きから回答する', exact: true }).click();
	await expect(typing.page.getByText('3 / ', { exact: false })).toBeVisible();
	await expect(resumeBox(typing.page).locator('.code')).toHaveText(code);
	await typing.page.getByRole('button', { name: '戻る' }).click();
	const settle = question('settle_intent');
	if (settle.type !== 'single') throw new Error('unexpected demo');
	const stay = settle.options.find((o) => o.key === 'stay_always')!;
	await expect(typing.page.getByRole('radio', { name: stay.label.ja, exact: true })).toBeChecked();
	await typing.context.close();

	// By the link on a third phone, to the end.
	const linked = await otherPhone(browser);
	await linked.page.goto(link);
	await expect(linked.page.getByText('2 / ', { exact: false })).toBeVisible();
	await expect(resumeBox(linked.page).locator('.code')).toHaveText(code);
	await finish(linked.page);
	await linked.context.close();

	// Sent: the draft is gone, and the link says so instead of failing.
	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText('保存された回答が見つかりませんでした');
	await expect(page.getByText('1 / ', { exact: false })).toBeVisible();
});

test('an unknown code gets a clear message and the first page', async ({ page }) => {
	await page.goto(`/s/${DEMO_SLUG}`);
	await page.getByText('以前の回答の続きから回答する').click();
	await page.getByLabel('再開コード', { exact: true }).fill('ABCD-EFGH-JKLM');
	await page.getByRole('button', { name: '続きから回答する', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('保存された回答が見つかりませんでした');
	await expect(page.getByLabel('再開コード', { exact: true })).toHaveValue('ABCD-EFGH-JKLM');
	await expect(page.getByText('1 / ', { exact: false })).toBeVisible();
	await expectNoHorizontalScroll(page);
	await expectNoAxeViolations(page);
	// and the survey can be answered as usual
	await answerPage(page);
	await next(page);
	await expect(page.getByText('2 / ', { exact: false })).toBeVisible();
});

test('with JavaScript, what is typed survives a reload until the page is sent', async ({
	page
}) => {
	test.skip(test.info().project.use.javaScriptEnabled === false, 'autosave needs JavaScript');
	const district = question('district');
	if (district.type !== 'single') throw new Error('unexpected demo');
	const chosen = page.getByRole('radio', { name: district.options[2].label.ja, exact: true });

	await page.goto(`/s/${DEMO_SLUG}`);
	await chosen.check();
	// A new visit, not a reload: the browser's own form restoring plays no part.
	await page.goto(`/s/${DEMO_SLUG}`);
	await expect(chosen).toBeChecked();

	await answerPage(page, { district: district.options[2].key });
	await next(page);
	await expect(page.getByText('2 / ', { exact: false })).toBeVisible();
	// Sent: nothing stays on the device for that page.
	await page.goto(`/s/${DEMO_SLUG}`);
	await expect(chosen).not.toBeChecked();
});
