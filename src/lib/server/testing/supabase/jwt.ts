/** HS256 tokens, the kind a Supabase project with a JWT secret signs. */
import { createHmac, timingSafeEqual } from 'node:crypto';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(payload: Record<string, unknown>, secret: string): string {
	const head = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
	return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** The payload of a well-signed, unexpired token, else null. */
export function verifyJwt(token: string, secret: string): Record<string, unknown> | null {
	const [header, payload, signature] = token.split('.');
	if (!header || !payload || !signature) return null;
	const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
	const given = Buffer.from(signature, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
		string,
		unknown
	>;
	if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return null;
	return claims;
}
