/**
 * Invitation codes printed on the mailed letters: 12 symbols, the last a check
 * symbol, so a mistyped code is caught on the resident's phone before it reaches
 * the server. koe_private.invitation_code() in the samples migration checks the
 * same rule in SQL; the two must agree.
 */

/**
 * Digits 2–9 and A–Z without I, O and U: the pairs residents confuse (0/O, 1/I)
 * are left out whole, and U (read as V) too, which leaves 31 symbols: a prime,
 * as the check symbol needs.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;
const DATA_LENGTH = CODE_LENGTH - 1;
const BASE = CODE_ALPHABET.length;

export type CodeProblem = 'empty' | 'length' | 'characters' | 'check';

/** What a resident may have typed around the symbols: spaces, hyphens, ー and other dashes. */
const SEPARATORS = /[\s\-‐‑‒–—―−ー]/g;

/**
 * The canonical form of a typed code: NFKC turns the full-width ＡＢＣ１２ of
 * Japanese phone keyboards into ASCII; look-alikes (0, O, 1, I) are left as they
 * are, to fail as invalid rather than be guessed.
 */
export function normalizeCode(input: string): string {
	return input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
}

function value(symbol: string): number {
	const v = CODE_ALPHABET.indexOf(symbol);
	if (v < 0) throw new Error(`not a code symbol: ${symbol}`);
	return v;
}

/**
 * The check symbol of the data symbols: Σ (i+1)·value mod 31. The weights 1…11
 * (and −1 for the check symbol itself) are distinct and non-zero mod the prime
 * 31, so one wrong symbol or two swapped neighbours always change the sum.
 */
export function checkSymbol(data: string): string {
	let sum = 0;
	for (let i = 0; i < data.length; i++) sum += (i + 1) * value(data[i]);
	return CODE_ALPHABET[sum % BASE];
}

/** The full code: 11 data symbols and their check symbol. */
export function withCheck(data11: string): string {
	if (data11.length !== DATA_LENGTH) throw new Error(`a code has ${DATA_LENGTH} data symbols`);
	return data11 + checkSymbol(data11);
}

function problemOf(code: string): CodeProblem | null {
	if (code === '') return 'empty';
	if (code.length !== CODE_LENGTH) return 'length';
	if ([...code].some((c) => !CODE_ALPHABET.includes(c))) return 'characters';
	if (checkSymbol(code.slice(0, DATA_LENGTH)) !== code[DATA_LENGTH]) return 'check';
	return null;
}

/** Why a typed code cannot be right, or null when it may be (the server decides if it exists). */
export function codeProblem(input: string): CodeProblem | null {
	return problemOf(normalizeCode(input));
}

/** Whether an already normalized code has the length, the symbols and the check symbol. */
export function isValidCode(normalized: string): boolean {
	return problemOf(normalized) === null;
}

/** 'ABCD-EFGH-JKLM', easier to read on a letter and to type. */
export function groupCode(code: string): string {
	return (code.match(/.{1,4}/g) ?? []).join('-');
}

/**
 * A valid code from random or HMAC bytes. The bytes, read as one big integer n
 * (at least 128 bits), give the 11 data symbols as n mod 31¹¹ in base 31. As
 * 31¹¹ ≈ 2^54.5, the remainder is uniform but for a bias of at most
 * 31¹¹ / 2^128 ≈ 10⁻²² per code: far below anything that could help a guesser,
 * so no rejection loop is needed and a letter's code stays a pure function of
 * its bytes.
 */
export function codeFromBytes(bytes: Uint8Array): string {
	if (bytes.length < 16) throw new Error('a code needs at least 16 bytes');
	const base = BigInt(BASE);
	let n = 0n;
	for (const b of bytes) n = (n << 8n) | BigInt(b);
	let data = '';
	for (let i = 0; i < DATA_LENGTH; i++) {
		data += CODE_ALPHABET[Number(n % base)];
		n /= base;
	}
	return withCheck(data);
}
