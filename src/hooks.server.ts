import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { createTranslator, htmlLang, isLocale } from '$lib/i18n';
import { env as publicEnv } from '$env/dynamic/public';
import { sqlSession, supabaseSession } from '$lib/server/auth/session';
import { getPool } from '$lib/server/db/pool';
import { hubLive } from '$lib/server/live';
import { detectLocale, rememberLocale } from '$lib/server/locale';
import { csrf } from '$lib/server/security/csrf';
import { securityHeaders } from '$lib/server/security/headers';
import { signInRateLimit, submitRateLimit } from '$lib/server/security/rate-limit';
import { supabaseConfig } from '$lib/server/supabase/client';

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

/** The caller's session, verified, and a backend and sign-in that act with its rights. */
const session: Handle = async ({ event, resolve }) => {
	const supabase = supabaseConfig(publicEnv);
	const found = supabase
		? await supabaseSession(supabase, event)
		: await sqlSession(getPool(), event);
	event.locals.user = found.user;
	event.locals.backend = found.backend;
	event.locals.auth = found.auth;
	event.locals.live = found.live ?? hubLive;
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
	// 4xx are the client's: a missing page, a body over BODY_SIZE_LIMIT (413).
	if (status >= 500) console.error(error);
	const t = event.locals.t ?? createTranslator('ja');
	if (status === 404) return { message: t('errors.notFound') };
	return { message: status === 413 ? t('errors.tooLarge') : t('errors.internal') };
};
