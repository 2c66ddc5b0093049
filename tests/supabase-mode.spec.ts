// Koe in the Supabase mode, in a real browser: the production build talks to a
// stand-in for a Supabase project's API (PostgREST's /rpc and Supabase Auth over
// the real SQL of its own database with the demo; scripts/e2e-supabase-server.js).
// The same pages, guards and roles as in the SQL modes, with @supabase/ssr's cookies.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { DEMO_SLUG, DEMO_TITLE, answerDemoSurvey, expectNoAxeViolations, signIn } from './helpers';

const BASE = 'http://127.0.0.1:4175';
let server: ChildProcess;

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	server = spawn('node_modules/.bin/vite-node', ['scripts/e2e-supabase-server.js'], {
		env: { ...process.env, PORT: '4175' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((ready, failed) => {
		server.stdout?.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('ready')) ready();
		});
		server.on('exit', (code) => failed(new Error(`the Supabase-mode server exited (${code})`)));
	});
});

test.afterAll(async () => {
	const exited = new Promise((done) => server.once('exit', done));
	server.kill('SIGTERM');
	await exited;
});

test('staff sign in through Supabase Auth, with httpOnly cookies, and sign out', async ({
	page,
	context
}) => {
	await signIn(page, 'admin@demo.koe.example');
	await expect(page.getByRole('link', { name: DEMO_TITLE })).toBeVisible();
	const cookies = await context.cookies();
	const session = cookies.filter((c) => c.name.startsWith('sb-'));
	expect(session.length).toBeGreaterThan(0);
	for (const cookie of session) expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
	expect(cookies.some((c) => c.name === 'koe_session')).toBe(false);

	await page.goto('/admin/members');
	await expect(page.getByRole('table').first()).toContainText('analyst@demo.koe.example');
	await page.goto(`/dashboard/${DEMO_SLUG}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO_TITLE);
	await expectNoAxeViolations(page);

	await page.goto('/signout');
	await page.getByRole('button', { name: 'この端末でログアウト' }).click();
	await expect(page).toHaveURL(`${BASE}/`);
	await page.goto('/dashboard');
	await expect(page).toHaveURL(/\/signin/);
});

test('roles guard the same pages as in the SQL modes', async ({ page }) => {
	await signIn(page, 'analyst@demo.koe.example');
	const response = await page.goto('/admin/members');
	expect(response?.status()).toBe(403);
	expect((await page.goto('/surveys'))?.status()).toBe(403);
	expect((await page.goto(`/dashboard/${DEMO_SLUG}`))?.status()).toBe(200);
});

test('a wrong password gets the usual answer, and a sign-in link can be asked for', async ({
	page
}) => {
	await page.goto('/signin');
	await page.getByLabel('メールアドレス').fill('admin@demo.koe.example');
	await page.getByLabel('パスワード').fill('not the password');
	await page.getByRole('button', { name: 'ログイン' }).click();
	await expect(page.getByRole('alert')).toContainText('正しくありません');

	await page.getByRole('link', { name: 'メールでログイン' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('メールでログイン');
	await page.getByLabel('メールアドレス').fill('nobody@demo.koe.example');
	await page.getByRole('button', { name: 'ログイン用リンクを送る' }).click();
	await expect(page.getByRole('status')).toContainText('ログイン用リンクを送りました');
});

test('a resident answers the demo survey, anonymously', async ({ page }) => {
	await answerDemoSurvey(page);
});
