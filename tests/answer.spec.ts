// Runs on a Pixel- and an iPhone-sized phone, each with JavaScript on and off.
import { expect, test } from '@playwright/test';
import {
	answerDemoSurvey,
	answerPage,
	DEMO_SLUG,
	DEMO_TITLE,
	expectNoAxeViolations,
	expectNoHorizontalScroll,
	question
} from './helpers';

test('a resident finds the survey on the home page and answers it to the end', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: DEMO_TITLE }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_TITLE);
	await expect(page.getByText('1 / ', { exact: false })).toBeVisible();
	await expectNoHorizontalScroll(page);
	await answerDemoSurvey(page, {
		settle_intent: 'leave',
		leave_reasons: ['shopping', 'medical_welfare']
	});
});

test('a missing answer is shown at the field and in a summary, and the rest is kept', async ({
	page
}) => {
	await page.goto(`/s/${DEMO_SLUG}`);
	const district = question('district');
	const age = question('age_group');
	if (district.type !== 'single' || age.type !== 'single') throw new Error('unexpected demo');
	await page
		.getByRole('group', { name: district.text.ja })
		.getByRole('radio', { name: district.options[2].label.ja, exact: true })
		.check();
	await page.getByRole('button', { name: '次へ' }).click();

	const summary = page.getByRole('alert');
	await expect(summary).toContainText('確認してください');
	await expect(summary.getByRole('link', { name: new RegExp(age.text.ja) })).toBeVisible();
	await expect(page.locator('#field-age_group .error')).toHaveText('この質問にお答えください');
	// What the resident already chose is still chosen.
	await expect(
		page.getByRole('radio', { name: district.options[2].label.ja, exact: true })
	).toBeChecked();
	await expectNoAxeViolations(page);

	await answerPage(page);
	await page.getByRole('button', { name: '次へ' }).click();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByText('2 / ', { exact: false })).toBeVisible();
});

test('branching: the follow-up appears only for residents who want to move away', async ({
	page
}) => {
	await page.goto(`/s/${DEMO_SLUG}`);
	await answerPage(page);
	await page.getByRole('button', { name: '次へ' }).click();
	await answerPage(page, { settle_intent: 'stay_always' });
	await page.getByRole('button', { name: '次へ' }).click();
	await expect(page.locator('#field-leave_reasons')).toHaveCount(0);
	await expect(page.locator('#field-good_points')).toBeVisible();

	await page.getByRole('button', { name: '戻る' }).click();
	await answerPage(page, { settle_intent: 'leave' });
	await page.getByRole('button', { name: '次へ' }).click();
	await expect(page.locator('#field-leave_reasons')).toBeVisible();
});

test('the matrix is stacked cards on a phone, and every page passes axe', async ({ page }) => {
	await page.goto(`/s/${DEMO_SLUG}`);
	for (let step = 0; step < 10; step++) {
		await expectNoHorizontalScroll(page);
		await expectNoAxeViolations(page);
		if ((await page.getByRole('button', { name: '回答を送信する' }).count()) > 0) break;
		await answerPage(page);
		await page.getByRole('button', { name: '次へ' }).click();
	}
	await expect(page.locator('#field-free_comment')).toBeVisible();
});

test('a double-tapped submit stores one response', async ({ page, request }) => {
	await page.goto(`/s/${DEMO_SLUG}`);
	for (let step = 0; step < 10; step++) {
		await answerPage(page);
		if ((await page.getByRole('button', { name: '回答を送信する' }).count()) > 0) break;
		await page.getByRole('button', { name: '次へ' }).click();
	}
	// Post the last page twice, as a flaky connection's retry would.
	// Read the hidden fields from the HTML, which works with JavaScript off too.
	const form = page.locator('form[data-koe-answer]');
	const body = new URLSearchParams({
		state: (await form.locator('input[name=state]').getAttribute('value')) ?? '',
		page: (await form.locator('input[name=page]').getAttribute('value')) ?? '',
		nav: 'submit'
	}).toString();
	const post = () =>
		request.post(`/s/${DEMO_SLUG}`, {
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: new URL(page.url()).origin
			},
			data: body,
			maxRedirects: 0
		});
	const [first, second] = await Promise.all([post(), post()]);
	expect(first.status()).toBe(303);
	expect(second.status()).toBe(303);
	expect(first.headers()['location']).toBe(`/s/${DEMO_SLUG}/thanks`);
});
