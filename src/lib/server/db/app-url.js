// Shared by the app and the scripts, so it is plain JavaScript.
import { createHash } from 'node:crypto';

/**
 * The app logs in as `authenticator`, a role that can only switch to anon or
 * authenticated. Its password is derived from the owner's connection string, so
 * every process given the same DATABASE_URL agrees on it without storing it.
 * @param {string} ownerUrl
 */
export function authenticatorPassword(ownerUrl) {
	// The server and the owner's credentials, not the database name: the role
	// belongs to the whole server, whichever database a process opens.
	const url = new URL(ownerUrl);
	const server = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}@${url.host}`;
	return createHash('sha256').update(`koe-authenticator:${server}`).digest('hex');
}

/**
 * The connection string the app uses for requests: KOE_APP_DATABASE_URL when
 * given, otherwise the owner's address with the authenticator's credentials.
 * @param {string} ownerUrl
 * @param {Record<string, string | undefined>} [env]
 */
export function appDatabaseUrl(ownerUrl, env = process.env) {
	if (env.KOE_APP_DATABASE_URL) return env.KOE_APP_DATABASE_URL;
	const url = new URL(ownerUrl);
	url.username = 'authenticator';
	url.password = authenticatorPassword(ownerUrl);
	return url.toString();
}
