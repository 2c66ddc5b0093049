// Crawls every staff page as an anonymous visitor and as each demo role. The
// list of pages comes from src/routes, so a new page is crawled without asking.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_SLUG, DEMO_TITLE, expectNoAxeViolations, signIn } from './helpers';

const GROUPS = {
	'(officials)': ['admin', 'editor', 'analyst'],
	'(builder)': ['admin', 'editor'],
	'(admin)': ['admin'],
	// Widened: with a fourth tuple here, typescript-eslint wrongly calls the cast in pages() unnecessary.
	'(entry)': ['admin', 'editor', 'data_entry'] as readonly string[]
} as const;
// [id] is the demo survey's id; it is looked up once before the crawl. [file] is
// an export's name (an endpoint, not a page: it is walked past, never visited).
// [consultation] and [plan] are the demo's draft plan and plan, looked up likewise.
const PARAMS: Record<string, string> = {
	slug: DEMO_SLUG,
	id: '<demo survey id>',
	consultation: '<demo consultation id>',
	plan: '<demo plan id>',
	file: 'summary.csv'
};

function pagesUnder(dir: string, prefix = ''): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isFile()) return entry.name === '+page.svelte' ? [prefix || '/'] : [];
		const segment = entry.name.replace(/^\[(\w+)\]$/, (_, name: string) => {
			if (!(name in PARAMS)) throw new Error(`no value for route parameter [${name}]`);
			return PARAMS[name];
		});
		const next = segment.startsWith('(') ? prefix : `${prefix}/${segment}`;
		return pagesUnder(path.join(dir, entry.name), next);
	});
}

const pages = () =>
	Object.entries(GROUPS).flatMap(([group, roles]) =>
		pagesUnder(path.join('src/routes', group)).map((route) => ({
			route,
			roles: roles as readonly string[]
		}))
	);

const accounts = {
	admin: 'admin@demo.koe.example',
	editor: 'editor@demo.koe.example',
	analyst: 'analyst@demo.koe.example',
	data_entry: 'entry@demo.koe.example'
};

test.beforeAll(async ({ browser }) => {
	const page = await browser.newPage({ locale: 'ja-JP' });
	await signIn(page, accounts.admin);
	await page.goto('/surveys');
	const href = await page.getByRole('link', { name: DEMO_TITLE }).getAttribute('href');
	PARAMS.id = href?.split('/').pop() ?? '';
	await page.goto('/consultations');
	const consultation = page.getByRole('link', { name: '第二次美祢市総合計画 後期基本計画（案）' });
	PARAMS.consultation = (await consultation.getAttribute('href'))?.split('/').pop() ?? '';
	await page.goto('/plans');
	const plan = page.getByRole('link', { name: '第二次美祢市総合計画 後期基本計画', exact: true });
	PARAMS.plan = (await plan.getAttribute('href'))?.split('/').pop() ?? '';
	await page.close();
});

test('the crawl covers the staff pages', () => {
	expect(pages().map((p) => p.route)).toEqual(
		expect.arrayContaining([
			'/dashboard',
			`/dashboard/${DEMO_SLUG}`,
			'/surveys',
			`/surveys/${PARAMS.id}`,
			'/admin/members',
			'/admin/audit',
			'/consultations',
			`/consultations/${PARAMS.consultation}/comments`,
			`/entry/comments/${PARAMS.consultation}`,
			`/plans/${PARAMS.plan}`
		])
	);
});

test('anonymous visitors are sent to sign-in from every staff page', async ({ page }) => {
	for (const { route } of pages()) {
		await page.goto(route);
		await expect(page, route).toHaveURL(/\/signin\?next=/);
	}
});

for (const [role, email] of Object.entries(accounts)) {
	test(`${role}: every staff page answers 200 or 403 as the role allows`, async ({ page }) => {
		await signIn(page, email, role === 'data_entry' ? /\/entry$/ : /\/dashboard$/);
		for (const { route, roles } of pages()) {
			const response = await page.goto(route);
			if (role === 'data_entry' && route === '/dashboard') {
				// where sign-in lands: a clerk is sent on to the paper entry instead
				await expect(page).toHaveURL(/\/entry$/);
				continue;
			}
			const allowed = roles.includes(role);
			expect(response?.status(), `${role} ${route}`).toBe(allowed ? 200 : 403);
			if (!allowed) {
				await expect(page.getByRole('heading', { level: 1 })).toHaveText('アクセスできません');
			}
		}
	});
}

test('the admin pages pass axe', async ({ page }) => {
	await signIn(page, accounts.admin);
	for (const route of ['/admin/members', '/admin/audit', '/admin/settings']) {
		await page.goto(route);
		await expectNoAxeViolations(page);
	}
});

test('an admin sets k for small-cell suppression, within 3–10', async ({ page }) => {
	await signIn(page, accounts.admin);
	await page.goto('/admin/settings');
	const k = page.getByLabel('少数の集計値を隠す基準（k）');
	await expect(k).toHaveValue('5');
	await k.fill('11');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByText('3〜10の整数を入力してください。')).toBeVisible();
	await k.fill('6');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByRole('status')).toHaveText('設定を保存しました。');
	await page.reload();
	await expect(k).toHaveValue('6');
	// Back to the demo's k: other specs read suppressed figures.
	await k.fill('5');
	await page.getByRole('button', { name: '保存する' }).click();
	await expect(page.getByRole('status')).toHaveText('設定を保存しました。');
});

test('an admin invites someone and sees the one-time link, and the audit log shows it', async ({
	page
}) => {
	await signIn(page, accounts.admin);
	await page.goto('/admin/members');
	const email = `invitee-${Date.now()}@example.jp`;
	await page.getByLabel('メールアドレス').fill(email);
	await page.getByRole('button', { name: '招待リンクを作る' }).click();
	await expect(page.getByTestId('invite-link')).toHaveText(/\/invite\/[0-9a-f]{64}$/);
	await expect(page.getByRole('row', { name: new RegExp(email) })).toBeVisible();
	await page.goto('/admin/audit?entity=invitations');
	await expect(page.getByRole('cell', { name: new RegExp(email) }).first()).toBeVisible();
});

test('an invitee opens the link, sets a password and lands on the dashboard', async ({
	page,
	browser
}) => {
	await signIn(page, accounts.admin);
	await page.goto('/admin/members');
	const email = `new-analyst-${Date.now()}@example.jp`;
	await page.getByLabel('メールアドレス').fill(email);
	await page.getByRole('button', { name: '招待リンクを作る' }).click();
	const link = (await page.getByTestId('invite-link').textContent()) ?? '';

	const invitee = await browser.newContext({ locale: 'ja-JP' });
	const newcomer = await invitee.newPage();
	await newcomer.goto(link);
	await expect(newcomer.getByText(email)).toBeVisible();
	await expectNoAxeViolations(newcomer);
	await newcomer.getByLabel('パスワード', { exact: true }).fill('short');
	await newcomer.getByRole('button', { name: '参加する' }).click();
	await expect(newcomer.getByRole('alert')).toBeVisible();
	await newcomer.getByLabel('パスワード', { exact: true }).fill('a long enough passphrase');
	await newcomer.getByRole('button', { name: '参加する' }).click();
	await expect(newcomer).toHaveURL(/\/dashboard$/);
	await newcomer.goto(link);
	await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
	await invitee.close();
});
