import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { createTranslator } from '$lib/i18n';
import { csrf, isCrossSite } from './csrf';

const ORIGIN = 'https://koe.example';

function request(method: string, headers: Record<string, string> = {}) {
	return new Request(`${ORIGIN}/api/health`, { method, headers });
}

describe('isCrossSite', () => {
	it('lets safe methods through from anywhere', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS']) {
			expect(isCrossSite(request(method, { origin: 'https://evil.example' }), ORIGIN)).toBe(false);
		}
	});

	it('refuses a state change from another origin, whatever the content type', () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			const json = { origin: 'https://evil.example', 'content-type': 'application/json' };
			expect(isCrossSite(request(method, json), ORIGIN)).toBe(true);
		}
		expect(isCrossSite(request('POST', { origin: 'null' }), ORIGIN)).toBe(true);
		expect(isCrossSite(request('POST', { origin: 'http://koe.example' }), ORIGIN)).toBe(true);
	});

	it('lets the app’s own origin through', () => {
		expect(isCrossSite(request('POST', { origin: ORIGIN }), ORIGIN)).toBe(false);
	});

	it('without Origin, decides by Sec-Fetch-Site', () => {
		const from = (site: string) => isCrossSite(request('POST', { 'sec-fetch-site': site }), ORIGIN);
		expect(from('cross-site')).toBe(true);
		expect(from('same-site')).toBe(true);
		expect(from('same-origin')).toBe(false);
		expect(from('none')).toBe(false);
		// Neither header: not a browser acting for a visitor of another site.
		expect(isCrossSite(request('POST'), ORIGIN)).toBe(false);
	});
});

describe('csrf', () => {
	function run(req: Request) {
		const resolve = vi.fn(() => new Response('done'));
		const event = {
			url: new URL(req.url),
			request: req,
			locals: { t: createTranslator('ja') }
		} as unknown as RequestEvent;
		return { response: csrf({ event, resolve }), resolve };
	}

	it('answers a cross-site JSON post with 403 and a JSON message', async () => {
		const { response, resolve } = run(
			request('POST', { origin: 'https://evil.example', 'content-type': 'application/json' })
		);
		const refused = await response;
		expect(refused.status).toBe(403);
		expect(await refused.json()).toEqual({
			message: 'ほかのサイトからの送信は受け付けていません。'
		});
		expect(resolve).not.toHaveBeenCalled();
	});

	it('answers other cross-site posts with 403 and text', async () => {
		const refused = await run(request('POST', { 'sec-fetch-site': 'cross-site' })).response;
		expect(refused.status).toBe(403);
		expect(refused.headers.get('content-type')).toContain('text/plain');
	});

	it('passes same-origin requests on', async () => {
		const { response, resolve } = run(request('POST', { origin: ORIGIN }));
		expect(await (await response).text()).toBe('done');
		expect(resolve).toHaveBeenCalledOnce();
	});
});
