import { json, text, type Handle, type RequestEvent } from '@sveltejs/kit';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request comes from another site. Browsers send
 * `Origin` on every such request (`null` from sandboxed or privacy-restricted
 * contexts, also refused); `Sec-Fetch-Site` covers the rare one without it.
 * `same-site` is refused too: a sibling subdomain is another site to Koe, and
 * SameSite=Lax cookies would still go with its requests.
 */
export function isCrossSite(request: Request, origin: string): boolean {
	if (SAFE_METHODS.has(request.method)) return false;
	const from = request.headers.get('origin');
	if (from !== null) return from !== origin;
	const site = request.headers.get('sec-fetch-site');
	return site === 'cross-site' || site === 'same-site';
}

/**
 * Refuses cross-site requests that change state, whatever their content type.
 * SvelteKit's own check (still on) only covers form content types, so JSON
 * posts to endpoints would otherwise get through. Runs after the `language`
 * handle, for `locals.t`.
 */
export const csrf: Handle = ({ event, resolve }) => {
	if (!isCrossSite(event.request, event.url.origin)) return resolve(event);
	return refuse(event);
};

function refuse(event: RequestEvent): Response {
	const message = event.locals.t('security.crossSite');
	const headers = { 'cache-control': 'no-store' };
	const wantsJson = ['accept', 'content-type'].some((header) =>
		event.request.headers.get(header)?.includes('json')
	);
	if (wantsJson) return json({ message }, { status: 403, headers });
	return text(message, {
		status: 403,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
	});
}
