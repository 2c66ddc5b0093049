import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { createTranslator, htmlLang, isLocale } from '$lib/i18n';
import { createSqlBackend } from '$lib/server/backend/sql';
import { getPool } from '$lib/server/db/pool';
import { detectLocale, rememberLocale } from '$lib/server/locale';
import { csrf } from '$lib/server/security/csrf';
import { securityHeaders } from '$lib/server/security/headers';
import { signInRateLimit, submitRateLimit } from '$lib/server/security/rate-limit';
import { SESSION_COOKIE, clearSessionCookie } from '$lib/server/session';

/**
 * ?lang= (a link, so it works without JavaScript) > cookie > Accept-Language.
 * Residents' pages offer every language, staff pages Japanese and English.
 */
const language: Handle = async ({ event, resolve }) => {
	const asked = event.url.searchParams.get('lang');
	if (isLocale(asked) && event.request.method === 'GET') {
		rememberLocale(event.cookies, asked);
		const url = new URL(event.url);
		url.searchParams.delete('lang');
		redirect(303, url.pathname + url.search);
	}
	detectLocale(event);
	return resolve(event, {
		// Read when the page is rendered: the answering page's language switch is a
		// form post whose action changes the language.
		transformPageChunk: ({ html }) => html.replace('%lang%', htmlLang(event.locals.locale))
	});
};

/** The caller's session, verified in SQL, and a backend that acts with its rights. */
const session: Handle = async ({ event, resolve }) => {
	const pool = getPool();
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	// A database outage must not turn every page into a crash: without a verified
	// session the visitor is simply anonymous, and /api/health reports the outage.
	const claims = token
		? await createSqlBackend(pool, null)
				.auth.claims(token)
				.catch(() => null)
		: null;
	if (token && !claims) clearSessionCookie(event.cookies);
	event.locals.user = claims;
	event.locals.sessionToken = claims ? token : null;
	event.locals.backend = createSqlBackend(pool, claims);
	return resolve(event);
};

// Security headers wrap everything after them; the refusals (cross-site
// requests, too many answer posts) come after `language` so they are translated,
// and before `session`, so they never reach the database.
export const handle = sequence(
	securityHeaders,
	language,
	csrf,
	submitRateLimit,
	signInRateLimit,
	session
);

/** Unexpected errors: logged on the server, a plain message in the visitor's language. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(error);
	const t = event.locals.t ?? createTranslator('ja');
	return { message: status === 404 ? t('errors.notFound') : t('errors.internal') };
};
