import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it, vi } from 'vitest';
import { SESSION_COOKIE, setSessionCookie } from './session';

describe('setSessionCookie', () => {
	function fakeCookies() {
		const set = vi.fn();
		return { cookies: { set } as unknown as Cookies, set };
	}

	it('is Secure over HTTPS, and always httpOnly and SameSite=Lax', () => {
		const { cookies, set } = fakeCookies();
		setSessionCookie(cookies, 'token', true);
		expect(set).toHaveBeenCalledWith(
			SESSION_COOKIE,
			'token',
			expect.objectContaining({ secure: true, httpOnly: true, sameSite: 'lax', path: '/' })
		);
	});

	it('is not Secure over plain HTTP, where browsers would refuse a Secure cookie', () => {
		const { cookies, set } = fakeCookies();
		setSessionCookie(cookies, 'token', false);
		expect(set).toHaveBeenCalledWith(
			SESSION_COOKIE,
			'token',
			expect.objectContaining({ secure: false, httpOnly: true })
		);
	});
});
