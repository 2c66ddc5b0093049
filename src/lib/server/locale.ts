/** The language a request is rendered in, and the cookie that remembers a resident's choice. */
import type { Cookies } from '@sveltejs/kit';
import { createTranslator, localesFor, pickLocale, type Locale } from '$lib/i18n';

const LOCALE_COOKIE = 'koe_lang';

/** Renders the rest of this request in `locale`. */
function useLocale(locals: App.Locals, locale: Locale) {
	locals.locale = locale;
	locals.t = createTranslator(locale);
}

/** Remembers a chosen language for a year (not a secret, and needed without JavaScript). */
export function rememberLocale(cookies: Cookies, locale: Locale) {
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: 60 * 60 * 24 * 365
	});
}

/** Cookie, else Accept-Language, among the languages this page offers (staff pages: ja/en). */
export function detectLocale(event: {
	cookies: Cookies;
	locals: App.Locals;
	request: Request;
	route: { id: string | null };
}) {
	const saved = event.cookies.get(LOCALE_COOKIE);
	const header = event.request.headers.get('accept-language');
	useLocale(event.locals, pickLocale(saved, header, localesFor(event.route.id)));
}

/** A choice made by a form post (the answering page's language switch): remembered and used at once. */
export function switchLocale(event: { cookies: Cookies; locals: App.Locals }, locale: Locale) {
	rememberLocale(event.cookies, locale);
	useLocale(event.locals, locale);
}
