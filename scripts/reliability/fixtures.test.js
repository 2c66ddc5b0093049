import { describe, expect, it } from 'vitest';
import { isValidCode } from '../../src/lib/domain/invitation-code';
import { definition as schema } from '../../src/lib/domain/questionnaire';
import { randomCodes } from './codes.js';
import { definition } from './survey.js';

describe('the reliability test’s fixtures', () => {
	it('makes codes the app accepts', () => {
		const codes = randomCodes(500);
		expect(new Set(codes).size).toBe(500);
		for (const code of codes) expect(isValidCode(code)).toBe(true);
	});

	it('stores its questionnaire as the schema parses it', () => {
		expect(schema.parse(definition)).toEqual(definition);
	});
});
