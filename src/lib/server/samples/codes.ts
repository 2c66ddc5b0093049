/**
 * The plaintext invitation code of each letter, derived from a server secret so
 * that the database keeps only hashes and a letter can still be printed again.
 */
import { createHmac } from 'node:crypto';
import { codeFromBytes, normalizeCode } from '$lib/domain/invitation-code';

/**
 * The code of letter `letterNo` of a survey (normalized, 12 symbols): HMAC-SHA256
 * keyed by the secret, so without the secret a copy of the database or a pile of
 * letters tells nothing about another letter's code.
 */
export function deriveCode(secret: string, surveyId: string, letterNo: number): string {
	// An empty secret would make every code computable from public facts.
	if (secret === '') throw new Error('the invitation code secret is not set');
	if (!Number.isSafeInteger(letterNo) || letterNo < 0) {
		throw new Error(`not a letter number: ${letterNo}`);
	}
	const mac = createHmac('sha256', secret)
		.update(`koe-invitation:${surveyId}:${letterNo}`)
		.digest();
	return codeFromBytes(mac);
}

/** The address printed as a QR code on the letter: the survey with its code filled in. */
export function qrUrl(origin: string, slug: string, code: string): string {
	return `${origin.replace(/\/+$/, '')}/s/${encodeURIComponent(slug)}?code=${normalizeCode(code)}`;
}
