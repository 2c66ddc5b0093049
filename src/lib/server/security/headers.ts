import type { Handle } from '@sveltejs/kit';

/**
 * Browser features Koe never uses, denied to its pages and anything they embed.
 * Only names Chromium recognises: an unknown one (e.g. `bluetooth`) is logged as
 * a console problem on every page.
 */
const DENIED_FEATURES = [
	'accelerometer',
	'autoplay',
	'browsing-topics',
	'camera',
	'display-capture',
	'geolocation',
	'gyroscope',
	'hid',
	'idle-detection',
	'interest-cohort',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'screen-wake-lock',
	'serial',
	'usb',
	'xr-spatial-tracking'
];

/**
 * For responses SvelteKit does not render as a page, and so gives no CSP of its
 * own (endpoints, its fallback error page, the refusals of the other security
 * handles): they load nothing and cannot be framed. Inline styles stay allowed
 * for the fallback error page.
 */
const FALLBACK_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The headers every response gets; HSTS only over HTTPS, where browsers honour it. */
export function securityHeadersFor(https: boolean): Record<string, string> {
	return {
		...(https && { 'strict-transport-security': 'max-age=63072000; includeSubDomains' }),
		'x-content-type-options': 'nosniff',
		// Cross-origin requests learn the origin only, never a survey's path or query.
		// Not `no-referrer`: with it browsers send `Origin: null` on Koe's own form
		// posts, which the CSRF checks then refuse.
		'referrer-policy': 'strict-origin-when-cross-origin',
		'permissions-policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
		// The legacy companion of CSP's frame-ancestors 'none', for older browsers.
		'x-frame-options': 'DENY',
		'cross-origin-opener-policy': 'same-origin',
		'content-security-policy': FALLBACK_CSP
	};
}

/**
 * Adds the security headers to every response that passes through the hooks:
 * pages, endpoints, error pages, redirects from load functions and actions, and
 * the refusals of the handles after this one. A header the route set itself
 * (above all SvelteKit's page CSP from `kit.csp`) is kept.
 *
 * Not covered, because SvelteKit answers them outside the hooks: its own
 * cross-site form check, and redirects thrown by a handle (the `?lang=` switch).
 * adapter-node serves `static/` and the built assets before the hooks as well;
 * they need none of this (correct content types, no HTML of ours, and HSTS is
 * remembered per host from any page).
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = writable(await resolve(event));
	for (const [name, value] of Object.entries(securityHeadersFor(event.url.protocol === 'https:'))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

/** Responses built by fetch() or Response.redirect() have immutable headers. */
function writable(response: Response): Response {
	try {
		// nosniff is the header's only value, so setting it here overrides nothing.
		response.headers.set('x-content-type-options', 'nosniff');
		return response;
	} catch {
		return new Response(response.body, response);
	}
}
