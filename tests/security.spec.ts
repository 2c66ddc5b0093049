import http from 'node:http';
import { expect, test } from '@playwright/test';
import { DEMO_SLUG } from './helpers';

const EVIL = 'https://evil.example';

function expectSecurityHeaders(headers: Record<string, string>) {
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['cross-origin-opener-policy']).toBe('same-origin');
	for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
		expect(headers['permissions-policy']).toContain(`${feature}=()`);
	}
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	// The test server speaks plain HTTP, where HSTS means nothing and is not sent.
	expect(headers['strict-transport-security']).toBeUndefined();
}

/** SvelteKit's page CSP: scripts only from Koe itself or by hash, never inline. */
function expectPageCsp(headers: Record<string, string>) {
	const directives = headers['content-security-policy'].split(';').map((d) => d.trim());
	const scripts = directives.find((d) => d.startsWith('script-src ')) ?? '';
	expect(scripts).toContain("'self'");
	expect(scripts).not.toContain('unsafe-inline');
	expect(directives).toContain("frame-ancestors 'none'");
}

test('pages, endpoints, errors and redirects carry the security headers', async ({ request }) => {
	const cases = [
		{ path: '/', status: 200, page: true },
		{ path: `/s/${DEMO_SLUG}`, status: 200, page: true },
		{ path: '/no-such-page', status: 404, page: true },
		{ path: '/api/health', status: 200, page: false },
		{ path: '/signout', status: 303, page: false }
	];
	for (const { path, status, page } of cases) {
		const response = await request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(status);
		expectSecurityHeaders(response.headers());
		if (page) expectPageCsp(response.headers());
	}
});

test('pages load without CSP or Permissions-Policy complaints', async ({ page }) => {
	const complaints: string[] = [];
	page.on('console', (message) => {
		if (/Content.Security.Policy|Permissions.Policy/i.test(message.text())) {
			complaints.push(message.text());
		}
	});
	for (const path of ['/', `/s/${DEMO_SLUG}`, '/signin']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	expect(complaints).toEqual([]);
});

test('a cross-origin JSON post is refused with 403, a same-origin one is not', async ({
	request,
	baseURL
}) => {
	for (const path of ['/api/health', `/s/${DEMO_SLUG}`]) {
		const refused = await request.post(path, {
			headers: { origin: EVIL, accept: 'application/json' },
			data: { status: 'pwned' }
		});
		expect(refused.status(), path).toBe(403);
		expect(await refused.json()).toEqual({ message: expect.any(String) });
		expectSecurityHeaders(refused.headers());
	}
	const own = await request.post('/api/health', {
		headers: { origin: new URL(baseURL!).origin },
		data: {}
	});
	expect(own.status()).toBe(405); // through the check, to a route that has no POST
});

test('a cross-site post without Origin is refused by Sec-Fetch-Site', async ({ request }) => {
	const response = await request.post('/api/health', {
		headers: { 'sec-fetch-site': 'cross-site' },
		data: {}
	});
	expect(response.status()).toBe(403);
});

test('a cross-origin form post is refused with 403', async ({ request }) => {
	const response = await request.post(`/s/${DEMO_SLUG}`, {
		form: { state: 'x', page: '0', nav: 'next' },
		headers: { origin: EVIL, accept: 'text/html' }
	});
	expect(response.status()).toBe(403);
});

test('a staff or public form post whose body is not a form gets 400 in its language, not 500', async ({
	request,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	for (const path of ['/signin', '/reset', '/pc/mine-plan-draft']) {
		const response = await request.post(path, {
			headers: {
				origin,
				'content-type': 'text/plain',
				accept: 'text/html',
				'accept-language': 'ja'
			},
			data: 'email=a@example.jp'
		});
		expect(response.status(), path).toBe(400);
		expect(await response.text(), path).toContain('フォームとして読み取れませんでした');
	}
});

interface Reply {
	status: number;
	headers: Record<string, string>;
	body: string;
}

/**
 * A POST from another loopback address: to the server a client of its own, so
 * using up its budget cannot slow the other tests, which post from 127.0.0.1.
 */
function postFrom(localAddress: string, url: URL, headers: Record<string, string>, body: string) {
	return new Promise<Reply>((resolve, reject) => {
		const request = http.request(url, { method: 'POST', localAddress, headers }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			response.on('end', () =>
				resolve({
					status: response.statusCode ?? 0,
					headers: response.headers as Record<string, string>,
					body: text
				})
			);
		});
		request.on('error', reject);
		request.end(body);
	});
}

test('too many answer posts from one client get 429 with Retry-After, in its language', async ({
	request,
	baseURL
}) => {
	const limit = Number(test.info().config.webServer?.env?.KOE_SUBMIT_RATE_LIMIT);
	expect(limit).toBeGreaterThan(0);
	// A fresh client per attempt: a retry must not start with the budget spent.
	const client = `127.0.0.${2 + test.info().retry}`;
	const url = new URL(`/s/${DEMO_SLUG}`, baseURL);
	const body = new URLSearchParams({ state: 'x', page: '0', nav: 'next' }).toString();
	const send = (language = 'ja') =>
		postFrom(
			client,
			url,
			{
				origin: url.origin,
				accept: 'text/html',
				'accept-language': language,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body
		);

	const answered: number[] = [];
	let limited: Reply | undefined;
	while (!limited && answered.length <= 2 * limit) {
		const batch = await Promise.all(Array.from({ length: 10 }, () => send()));
		answered.push(...batch.filter((r) => r.status !== 429).map((r) => r.status));
		limited = batch.find((r) => r.status === 429);
	}
	// The whole budget was usable, every post reached the form action (a 400 for
	// the nonsense state), and then the limit held.
	expect(answered.length).toBeGreaterThanOrEqual(limit);
	expect(new Set(answered)).toEqual(new Set([400]));
	expect(limited).toBeDefined();
	const retryAfter = Number(limited!.headers['retry-after']);
	expect(retryAfter).toBeGreaterThanOrEqual(1);
	expect(retryAfter).toBeLessThanOrEqual(60);
	expectSecurityHeaders(limited!.headers);
	expect(limited!.body).toContain('<html lang="ja">');
	expect(limited!.body).toContain('秒ほど待ってから');

	// The bucket refills one post every 60 s ÷ limit: one may have come back since
	// the limited batch, and then the next is limited again.
	let english = await send('en');
	if (english.status !== 429) english = await send('en');
	expect(english.status).toBe(429);
	expect(english.body).toContain('Please wait about');

	// Other clients (here the test runner's own address) are not affected.
	const other = await request.post(url.pathname, {
		form: { state: 'x', page: '0', nav: 'next' },
		headers: { origin: url.origin, accept: 'text/html' }
	});
	expect(other.status()).toBe(400);
});
