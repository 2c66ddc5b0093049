import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { demoDefinition, demoSurvey } from '../scripts/lib/demo-survey.js';

export const DEMO_SLUG = demoSurvey.slug;
export const DEMO_TITLE = demoSurvey.title.ja;
export const questions = demoDefinition.sections.flatMap((s) => s.questions);
export const question = (key: string) => {
	const found = questions.find((q) => q.key === key);
	if (!found) throw new Error(`no question ${key} in the demo survey`);
	return found;
};

export type Choices = Record<string, string | string[]>;

/**
 * Answers whatever the current page shows, the way a resident would: by the
 * visible labels. `choices` picks options by key; anything not named gets the
 * first option (or, for a matrix, the middle of the scale).
 */
export async function answerPage(page: Page, choices: Choices = {}) {
	for (const q of questions) {
		const field = page.locator(`#field-${q.key}`);
		if ((await field.count()) === 0) continue;
		if (q.type === 'single' || q.type === 'multi') {
			const group = page.getByRole('group', { name: q.text.ja });
			const wanted = choices[q.key] ?? q.options[0].key;
			for (const key of Array.isArray(wanted) ? wanted : [wanted]) {
				const option = q.options.find((o) => o.key === key)!;
				await group
					.getByRole(q.type === 'single' ? 'radio' : 'checkbox', {
						name: option.label.ja,
						exact: true
					})
					.check();
			}
		} else if (q.type === 'matrix') {
			const middle = q.scale[Math.floor(q.scale.length / 2)];
			for (const row of q.rows) {
				const rowGroup = field.getByRole('group', { name: row.label.ja, exact: true });
				for (const dim of q.dimensions) {
					await rowGroup
						.getByRole('group', { name: dim.label.ja })
						.getByRole('radio', { name: middle.label.ja })
						.check();
				}
			}
		} else if (q.type === 'text' && choices[q.key]) {
			await page.getByRole('textbox', { name: q.text.ja }).fill(String(choices[q.key]));
		}
	}
}

/** Answers the whole demo survey from its first page to the thank-you page. */
export async function answerDemoSurvey(page: Page, choices: Choices = {}) {
	await page.goto(`/s/${DEMO_SLUG}`);
	for (let step = 0; step < 20; step++) {
		await answerPage(page, choices);
		const submit = page.getByRole('button', { name: '回答を送信する' });
		const last = (await submit.count()) > 0;
		await (last ? submit : page.getByRole('button', { name: '次へ' })).click();
		if (last) break;
		await expect(page.locator('.error-summary')).toHaveCount(0);
	}
	await expect(page).toHaveURL(new RegExp(`/s/${DEMO_SLUG}/thanks$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('ご回答ありがとうございました');
}

export async function expectNoAxeViolations(page: Page) {
	// axe runs as a script in the page. Resident pages are server-rendered and the
	// same HTML with JavaScript on or off, so the JavaScript-on runs scan them.
	if (test.info().project.use.javaScriptEnabled === false) return;
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

export async function signIn(
	page: Page,
	email = 'analyst@demo.koe.example',
	landing: RegExp = /\/dashboard$/
) {
	await page.goto('/signin');
	await page.getByLabel('メールアドレス').fill(email);
	await page.getByLabel('パスワード').fill('koe-demo-2026');
	await page.getByRole('button', { name: 'ログイン' }).click();
	await expect(page).toHaveURL(landing);
}

/** Free text with markup, script and a spreadsheet formula in it (tests/inert-html.spec.ts). */
export const inertPayload = (token: string) =>
	`=HYPERLINK("http://evil.example")<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> ${token}`;

/** Nothing from `inertPayload` ran or became an element (SvelteKit's data script may carry it as a string). */
export async function expectInert(page: Page) {
	expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
	await expect(page.locator('img[src="x"]')).toHaveCount(0);
	const injected = await page.evaluate(() =>
		[...document.scripts].some((s) => s.textContent?.trim() === 'window.__pwned=1')
	);
	expect(injected).toBe(false);
}
