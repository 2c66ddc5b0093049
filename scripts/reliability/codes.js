// Invitation codes for the test sample: random, with the check symbol of
// src/lib/domain/invitation-code.ts (codes.test.js checks that both agree), so
// the app and koe_private.invitation_code() accept them as printed codes.
import { randomBytes } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTVWXYZ';

/** @param {string} data the 11 data symbols */
export function checkSymbol(data) {
	let sum = 0;
	for (let i = 0; i < data.length; i++) sum += (i + 1) * ALPHABET.indexOf(data[i]);
	return ALPHABET[sum % ALPHABET.length];
}

/** `count` distinct random codes (12 symbols, normalized). @param {number} count */
export function randomCodes(count) {
	/** @type {Set<string>} */
	const codes = new Set();
	while (codes.size < count) {
		const data = [...randomBytes(11)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
		codes.add(data + checkSymbol(data));
	}
	return [...codes];
}
