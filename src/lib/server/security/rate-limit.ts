import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';

interface Bucket {
	tokens: number;
	updated: number;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfter: number };

/**
 * A token bucket per key: a key may spend `limit` requests at once and earns
 * them back evenly over `windowMs`, so a busy client is slowed down, not locked
 * out for a whole window. Memory stays bounded: a bucket that has refilled is
 * forgotten (it is the same as a new one), and beyond `maxKeys` the least
 * recently used one goes (that client simply starts again with a full bucket).
 */
export class RateLimiter {
	readonly #limit: number;
	readonly #windowMs: number;
	readonly #maxKeys: number;
	readonly #now: () => number;
	// Least recently used first: a Map iterates in insertion order, and take() re-inserts.
	readonly #buckets = new Map<string, Bucket>();

	constructor(options: { limit: number; windowMs: number; maxKeys?: number; now?: () => number }) {
		const { limit, windowMs, maxKeys = 10_000, now = () => performance.now() } = options;
		if (!(limit >= 1 && windowMs > 0 && maxKeys >= 1)) {
			throw new Error('RateLimiter needs limit ≥ 1, windowMs > 0 and maxKeys ≥ 1');
		}
		this.#limit = limit;
		this.#windowMs = windowMs;
		this.#maxKeys = maxKeys;
		this.#now = now;
	}

	/** How many keys are remembered. */
	get size(): number {
		return this.#buckets.size;
	}

	/** Spends one request of `key`'s budget, or says in how many seconds one is back. */
	take(key: string): Verdict {
		const now = this.#now();
		this.#forgetRefilled(now);
		const bucket = this.#buckets.get(key) ?? { tokens: this.#limit, updated: now };
		const earned = (Math.max(0, now - bucket.updated) * this.#limit) / this.#windowMs;
		bucket.tokens = Math.min(this.#limit, bucket.tokens + earned);
		bucket.updated = now;
		this.#buckets.delete(key);
		this.#buckets.set(key, bucket);
		if (this.#buckets.size > this.#maxKeys) this.#buckets.delete(this.#oldestKey());

		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return { allowed: true };
		}
		const waitMs = ((1 - bucket.tokens) * this.#windowMs) / this.#limit;
		// Whole milliseconds first, so float noise cannot add a second.
		return { allowed: false, retryAfter: Math.max(1, Math.ceil(Math.round(waitMs) / 1000)) };
	}

	#forgetRefilled(now: number) {
		for (const [key, bucket] of this.#buckets) {
			if (now - bucket.updated < this.#windowMs) break;
			this.#buckets.delete(key);
		}
	}

	#oldestKey(): string {
		for (const key of this.#buckets.keys()) return key;
		throw new Error('no keys');
	}
}

/**
 * The key a client is counted under: its IPv4 address, or for IPv6 its /64
 * network, since one household or phone gets a whole /64 and could rotate
 * through it. Which address is the client's is adapter-node's decision: the
 * socket's peer, or behind a proxy the header named by `ADDRESS_HEADER` (with
 * `XFF_DEPTH` for X-Forwarded-For).
 */
export function clientKey(address: string): string {
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return mapped[1];
	if (!address.includes(':') || address.includes('.')) return address;
	const [head, tail] = address.split('%')[0].toLowerCase().split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
	const groups = [...left, ...zeros, ...right].slice(0, 4);
	return `${groups.map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}

export const DEFAULT_SUBMIT_LIMIT = 120;

export const DEFAULT_SIGNIN_LIMIT = 30;

/**
 * A POSTs-per-minute setting such as `KOE_SUBMIT_RATE_LIMIT` (answers per client);
 * 0 turns the limit off, unset means `fallback`.
 */
export function submitLimit(
	value: string | undefined,
	name = 'KOE_SUBMIT_RATE_LIMIT',
	fallback = DEFAULT_SUBMIT_LIMIT
): number {
	if (value === undefined || value.trim() === '') return fallback;
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 0) {
		throw new Error(`${name} must be a whole number of POSTs per minute (0 = off), not "${value}"`);
	}
	return limit;
}

/**
 * Limits POSTs to the paths `applies` accepts, per client. Over the limit: 429
 * with Retry-After, as a page in the visitor's language for a browser's form
 * post, else as JSON. Runs after the `language` handle, for `locals`.
 */
export function limitPosts(
	limiter: RateLimiter | null,
	applies: (path: string) => boolean
): Handle {
	return ({ event, resolve }) => {
		if (!limiter || event.request.method !== 'POST' || !applies(event.url.pathname)) {
			return resolve(event);
		}
		const verdict = limiter.take(clientKey(event.getClientAddress()));
		return verdict.allowed ? resolve(event) : tooManyRequests(event, verdict.retryAfter);
	};
}

/** Resident answering (`/s/…`). */
export function limitSubmissions(limiter: RateLimiter | null): Handle {
	return limitPosts(limiter, (path) => path.startsWith('/s/'));
}

/**
 * Sign-in, password reset and setup, per client address: the SQL lock-out is per
 * email address, so without this one client could pause many staff accounts.
 */
export function limitSignIns(limiter: RateLimiter | null): Handle {
	return limitPosts(
		limiter,
		(path) => path === '/signin' || path.startsWith('/reset') || path === '/setup'
	);
}

function tooManyRequests(event: RequestEvent, seconds: number): Response {
	const { t, locale } = event.locals;
	const headers = { 'retry-after': String(seconds), 'cache-control': 'no-store' };
	const message = t('security.tooManyText', { count: seconds });
	if (!event.request.headers.get('accept')?.includes('text/html')) {
		return json({ message }, { status: 429, headers });
	}
	const title = escapeHtml(t('security.tooManyTitle'));
	const page = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body><main><h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="/">${escapeHtml(t('security.backHome'))}</a></p></main></body>
</html>`;
	return new Response(page, {
		status: 429,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}

function escapeHtml(value: string): string {
	return value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

// One limiter per server process, shared by all its requests. This is
// infrastructure, not user state: it holds client addresses and counters only
// (each dropped at the first answer post after its bucket has refilled), never
// anything of an answer, and responses store no addresses. With several processes behind a load balancer each
// counts on its own, so a client may get the limit once per process it reaches.
const perMinute = submitLimit(env.KOE_SUBMIT_RATE_LIMIT);
export const submitRateLimit = limitSubmissions(
	perMinute > 0 ? new RateLimiter({ limit: perMinute, windowMs: 60_000 }) : null
);

const signInsPerMinute = submitLimit(
	env.KOE_SIGNIN_RATE_LIMIT,
	'KOE_SIGNIN_RATE_LIMIT',
	DEFAULT_SIGNIN_LIMIT
);
export const signInRateLimit = limitSignIns(
	signInsPerMinute > 0 ? new RateLimiter({ limit: signInsPerMinute, windowMs: 60_000 }) : null
);
