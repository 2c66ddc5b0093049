// Signing in as staff the way the sign-in form does (a form post that sets the
// session cookie); returns the Cookie header for the requests that follow.
import { request } from 'undici';

/**
 * @param {string} baseUrl
 * @param {{ email: string, password: string }} account
 * @param {string} address the client address it is counted under (X-Forwarded-For)
 */
export async function signIn(baseUrl, account, address) {
	const response = await request(`${baseUrl}/signin`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: baseUrl,
			accept: 'text/html',
			'x-forwarded-for': address
		},
		body: new URLSearchParams({ email: account.email, password: account.password }).toString()
	});
	await response.body.text();
	const setCookie = [response.headers['set-cookie'] ?? []].flat();
	const session = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('koe_session='));
	if (response.statusCode !== 303 || !session) {
		throw new Error(
			`signing in as ${account.email} answered ${response.statusCode} without a session`
		);
	}
	return session;
}
