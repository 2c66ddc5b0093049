import { describe, expect, it } from 'vitest';
import { isValidCode } from '$lib/domain/invitation-code';
import { deriveCode, qrUrl } from './codes';

const secret = 'test-secret-0123456789abcdef0123456789';
const survey = '6f1c2a9e-0000-4000-8000-000000000001';

describe('letter codes', () => {
	it('are the same every time a letter is printed', () => {
		expect(deriveCode(secret, survey, 7)).toBe(deriveCode(secret, survey, 7));
	});

	it('differ per survey, letter and secret', () => {
		const code = deriveCode(secret, survey, 7);
		expect(deriveCode(secret, survey, 8)).not.toBe(code);
		expect(deriveCode(secret, survey.replace(/1$/, '2'), 7)).not.toBe(code);
		expect(deriveCode(`${secret}x`, survey, 7)).not.toBe(code);
	});

	it('are valid, normalized and distinct for 10,000 letters', () => {
		const codes = new Set<string>();
		for (let n = 1; n <= 10_000; n++) {
			const code = deriveCode(secret, survey, n);
			expect(isValidCode(code)).toBe(true);
			codes.add(code);
		}
		expect(codes.size).toBe(10_000);
	});

	it('need a secret and a whole letter number', () => {
		expect(() => deriveCode('', survey, 1)).toThrow();
		expect(() => deriveCode(secret, survey, 1.5)).toThrow();
		expect(() => deriveCode(secret, survey, -1)).toThrow();
	});
});

describe('the QR address', () => {
	it('carries the code ungrouped', () => {
		expect(qrUrl('https://koe.example.jp', 'shimin-2026', '2345-6789-ABC8')).toBe(
			'https://koe.example.jp/s/shimin-2026?code=23456789ABC8'
		);
		expect(qrUrl('https://koe.example.jp/', 'shimin-2026', '23456789ABC8')).toBe(
			'https://koe.example.jp/s/shimin-2026?code=23456789ABC8'
		);
	});
});
