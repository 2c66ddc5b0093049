import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkSymbol,
	CODE_ALPHABET,
	codeFromBytes,
	codeProblem,
	groupCode,
	isValidCode,
	normalizeCode,
	withCheck
} from './invitation-code';

const symbol = fc.constantFrom(...CODE_ALPHABET);
const code = fc
	.array(symbol, { minLength: 11, maxLength: 11 })
	.map((data) => withCheck(data.join('')));
const runs = { numRuns: 300 };

/** What a phone keyboard in Japanese mode types: ＡＢＣ１２ (U+FF01…U+FF5E). */
const fullWidth = (s: string) =>
	s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('the code alphabet', () => {
	it('has 31 distinct symbols and none that look alike', () => {
		expect(CODE_ALPHABET).toHaveLength(31);
		expect(new Set(CODE_ALPHABET).size).toBe(31);
		expect(CODE_ALPHABET).not.toMatch(/[01IOU]/);
	});
});

describe('the check symbol', () => {
	it('is the weighted sum mod 31 (the SQL side computes the same)', () => {
		// values 0…10 with weights 1…11: Σ i(i+1) = 440 ≡ 6 → '8'
		expect(checkSymbol('23456789ABC')).toBe('8');
		expect(withCheck('23456789ABC')).toBe('23456789ABC8');
		expect(isValidCode('23456789ABC8')).toBe(true);
	});

	it('makes every generated code valid', () => {
		fc.assert(
			fc.property(code, (c) => isValidCode(c)),
			runs
		);
	});

	it('catches every single wrong symbol', () => {
		fc.assert(
			fc.property(code, (c) => {
				for (let i = 0; i < c.length; i++) {
					for (const s of CODE_ALPHABET) {
						if (s === c[i]) continue;
						expect(isValidCode(c.slice(0, i) + s + c.slice(i + 1))).toBe(false);
					}
				}
			}),
			runs
		);
	});

	it('catches every swap of two different neighbours, the check symbol included', () => {
		fc.assert(
			fc.property(code, (c) => {
				for (let i = 0; i + 1 < c.length; i++) {
					if (c[i] === c[i + 1]) continue;
					expect(isValidCode(c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2))).toBe(false);
				}
			}),
			runs
		);
	});

	it('refuses data of the wrong length or with foreign symbols', () => {
		expect(() => withCheck('2345')).toThrow();
		expect(() => checkSymbol('2345O')).toThrow();
	});
});

describe('typed codes', () => {
	it('are read through groups, lower case, full width and dashes', () => {
		fc.assert(
			fc.property(code, fc.constantFrom('-', ' ', 'ー', '－', '‐', '―', '　'), (c, dash) => {
				const grouped = groupCode(c).replaceAll('-', dash);
				expect(normalizeCode(grouped.toLowerCase())).toBe(c);
				expect(normalizeCode(fullWidth(grouped))).toBe(c);
				expect(codeProblem(` ${fullWidth(grouped.toLowerCase())} `)).toBeNull();
			}),
			runs
		);
	});

	it('groups 4-4-4 for display', () => {
		expect(groupCode('23456789ABC8')).toBe('2345-6789-ABC8');
	});

	it('name the problem a resident should hear of', () => {
		expect(codeProblem('')).toBe('empty');
		expect(codeProblem(' - ')).toBe('empty');
		expect(codeProblem('2345-6789')).toBe('length');
		expect(codeProblem('2345-6789-ABC8-2')).toBe('length');
		// 0, O, 1 and I are not guessed into symbols
		expect(codeProblem('2345-6789-AB08')).toBe('characters');
		expect(codeProblem('2345-6789-ABO8')).toBe('characters');
		expect(codeProblem('2345-6789-ABC9')).toBe('check');
		expect(codeProblem('２３４５ー６７８９ーａｂｃ８')).toBeNull();
	});

	it('are valid only in normalized form', () => {
		expect(isValidCode('2345-6789-ABC8')).toBe(false);
		expect(isValidCode('23456789abc8')).toBe(false);
	});
});

describe('codes from bytes', () => {
	it('reads the bytes as one big-endian number in base 31', () => {
		expect(codeFromBytes(new Uint8Array(16))).toBe('222222222222');
		const one = new Uint8Array(16);
		one[15] = 1;
		// least significant digit first, then its check symbol (weight 1 × 1)
		expect(codeFromBytes(one)).toBe('322222222223');
	});

	it('always gives a valid code', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 16, maxLength: 64 }), (bytes) =>
				isValidCode(codeFromBytes(bytes))
			),
			runs
		);
	});

	it('needs at least 128 bits', () => {
		expect(() => codeFromBytes(new Uint8Array(15))).toThrow();
	});
});
