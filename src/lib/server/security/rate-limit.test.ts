import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { createTranslator, type Locale } from '$lib/i18n';
import { clientKey, limitSignIns, limitSubmissions, RateLimiter, submitLimit } from './rate-limit';

function clock(start = 0) {
	let time = start;
	return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('RateLimiter', () => {
	it('allows the limit at once, then refuses until the budget comes back', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: time.now });
		expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
		expect(limiter.take('a')).toEqual({ allowed: false, retryAfter: 20 });
		time.advance(19_000);
		expect(limiter.take('a')).toEqual({ allowed: false, retryAfter: 1 });
		time.advance(1_000);
		expect(limiter.take('a').allowed).toBe(true);
		expect(limiter.take('a').allowed).toBe(false);
	});

	it('counts every key on its own', () => {
		const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, now: clock().now });
		expect(limiter.take('a').allowed).toBe(true);
		expect(limiter.take('b').allowed).toBe(true);
		expect(limiter.take('a').allowed).toBe(false);
	});

	it('never holds more than the limit, however long a key was idle', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 2, windowMs: 1_000, now: time.now });
		limiter.take('a');
		time.advance(3_600_000);
		expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
	});

	it('forgets keys whose bucket has refilled', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 5, windowMs: 1_000, now: time.now });
		limiter.take('a');
		limiter.take('b');
		time.advance(600);
		limiter.take('c');
		time.advance(400);
		limiter.take('d');
		// a and b are full again, so remembering them would change nothing.
		expect(limiter.size).toBe(2);
	});

	it('evicts the least recently used key beyond maxKeys', () => {
		const time = clock();
		const limiter = new RateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2, now: time.now });
		limiter.take('a');
		limiter.take('b');
		limiter.take('a'); // refused, but a is now the most recently used
		limiter.take('c');
		expect(limiter.size).toBe(2);
		expect(limiter.take('a').allowed).toBe(false); // still remembered
		expect(limiter.take('b').allowed).toBe(true); // was evicted: a fresh bucket
	});

	it('refuses a nonsensical configuration', () => {
		expect(() => new RateLimiter({ limit: 0, windowMs: 1_000 })).toThrow();
		expect(() => new RateLimiter({ limit: 1, windowMs: 0 })).toThrow();
	});
});

describe('clientKey', () => {
	it('keeps IPv4 addresses, also when mapped into IPv6', () => {
		expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
		expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
	});

	it('counts an IPv6 client by its /64 network', () => {
		expect(clientKey('2001:db8:a:b:1:2:3:4')).toBe('2001:db8:a:b::/64');
		expect(clientKey('2001:DB8:a:b::99')).toBe('2001:db8:a:b::/64');
		expect(clientKey('2001:0db8::1')).toBe('2001:db8:0:0::/64');
		expect(clientKey('::1')).toBe('0:0:0:0::/64');
		expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
	});
});

describe('submitLimit', () => {
	it('reads POSTs per minute, 120 by default, 0 for off', () => {
		expect(submitLimit(undefined)).toBe(120);
		expect(submitLimit('')).toBe(120);
		expect(submitLimit('400')).toBe(400);
		expect(submitLimit('0')).toBe(0);
		expect(() => submitLimit('many')).toThrow(/KOE_SUBMIT_RATE_LIMIT/);
		expect(() => submitLimit('-1')).toThrow();
	});
});

describe('limitSubmissions', () => {
	function event(path: string, init: RequestInit = {}, locale: Locale = 'ja', address = '::1') {
		const url = new URL(path, 'http://koe.test');
		return {
			url,
			request: new Request(url, init),
			locals: { locale, t: createTranslator(locale) },
			getClientAddress: () => address
		} as unknown as RequestEvent;
	}
	const post = (accept: string) => ({ method: 'POST', headers: { accept } });

	async function run(limit: number, ...events: RequestEvent[]) {
		const handle = limitSubmissions(new RateLimiter({ limit, windowMs: 60_000 }));
		const resolve = vi.fn(() => new Response('answered'));
		const responses = [];
		for (const e of events) responses.push(await handle({ event: e, resolve }));
		return { responses, resolved: resolve.mock.calls.length };
	}

	it('answers a browser over the limit with a 429 page in its language and Retry-After', async () => {
		const { responses, resolved } = await run(
			1,
			event('/s/mine-2026', post('text/html')),
			event('/s/mine-2026', post('text/html')),
			event('/s/mine-2026', post('text/html'), 'en')
		);
		expect(resolved).toBe(1);
		const [ja, en] = responses.slice(1);
		expect(ja.status).toBe(429);
		expect(Number(ja.headers.get('retry-after'))).toBe(60);
		expect(ja.headers.get('content-type')).toContain('text/html');
		const page = await ja.text();
		expect(page).toContain('<html lang="ja">');
		expect(page).toContain('60秒ほど待ってから');
		expect(page).toContain('<a href="/">トップページへ</a>');
		expect(await en.text()).toContain('Please wait about 60 seconds');
	});

	it('answers other clients with JSON', async () => {
		const { responses } = await run(1, ...[1, 2].map(() => event('/s/x', post('*/*'))));
		expect(responses[1].status).toBe(429);
		expect(responses[1].headers.get('retry-after')).toBe('60');
		const body = (await responses[1].json()) as { message: string };
		expect(body.message).toContain('60秒');
	});

	it('counts clients separately and leaves other requests alone', async () => {
		const { responses, resolved } = await run(
			1,
			event('/s/x', post('text/html'), 'ja', '192.0.2.1'),
			event('/s/x', post('text/html'), 'ja', '192.0.2.2'),
			event('/s/x', { method: 'GET' }, 'ja', '192.0.2.1'),
			event('/signin', post('text/html'), 'ja', '192.0.2.1')
		);
		expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
		expect(resolved).toBe(4);
	});

	it('limits sign-in, reset and setup posts per client, not answers', async () => {
		const handle = limitSignIns(new RateLimiter({ limit: 2, windowMs: 60_000 }));
		const resolve = vi.fn(() => new Response('signed in'));
		const statuses = [];
		for (const path of ['/signin', '/reset', '/setup', '/s/x', '/signin?next=%2F']) {
			statuses.push((await handle({ event: event(path, post('text/html')), resolve })).status);
		}
		expect(statuses).toEqual([200, 200, 429, 200, 429]);
	});

	it('does nothing when turned off', async () => {
		const handle = limitSubmissions(null);
		const resolve = vi.fn(() => new Response('answered'));
		for (let i = 0; i < 5; i++) await handle({ event: event('/s/x', post('text/html')), resolve });
		expect(resolve).toHaveBeenCalledTimes(5);
	});
});
