import { redirect, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './headers';

function event(href: string) {
	return { url: new URL(href) } as unknown as RequestEvent;
}

async function respond(href: string, response: Response) {
	return securityHeaders({ event: event(href), resolve: () => response });
}

describe('securityHeaders', () => {
	it('sets every header, and HSTS only over HTTPS', async () => {
		const https = await respond('https://koe.example/', new Response('page'));
		expect(Object.fromEntries(https.headers)).toMatchObject({
			'strict-transport-security': 'max-age=63072000; includeSubDomains',
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin',
			'x-frame-options': 'DENY',
			'cross-origin-opener-policy': 'same-origin'
		});
		for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
			expect(https.headers.get('permissions-policy')).toContain(`${feature}=()`);
		}
		const http = await respond('http://localhost:3000/', new Response('page'));
		expect(http.headers.has('strict-transport-security')).toBe(false);
		expect(http.headers.get('x-frame-options')).toBe('DENY');
	});

	it('keeps the page CSP SvelteKit set, and gives other responses a closed one', async () => {
		const kitCsp = "script-src 'self' 'sha256-abc'; frame-ancestors 'none'";
		const page = new Response('page', { headers: { 'content-security-policy': kitCsp } });
		expect((await respond('http://x/', page)).headers.get('content-security-policy')).toBe(kitCsp);
		const api = (await respond('http://x/api', Response.json({}))).headers;
		expect(api.get('content-security-policy')).toMatch(
			/default-src 'none'.*frame-ancestors 'none'/
		);
	});

	it('also reaches responses whose headers are immutable', async () => {
		const response = await respond('https://x/', Response.redirect('https://x/elsewhere', 303));
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('https://x/elsewhere');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('lets a redirect thrown inside resolve pass (SvelteKit answers it)', async () => {
		const throwing = securityHeaders({
			event: event('http://x/'),
			resolve: () => redirect(303, '/elsewhere')
		});
		await expect(throwing).rejects.toMatchObject({ status: 303 });
	});
});
