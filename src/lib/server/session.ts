import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'koe_session';

/** Secure whenever the site is served over HTTPS (set ORIGIN behind a proxy). */
export function setSessionCookie(cookies: Cookies, token: string, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 60 * 60 * 12
	});
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
