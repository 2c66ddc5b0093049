import { describe, expect, it } from 'vitest';
import { sheetNames } from './sheet-names';

describe('sheet names', () => {
	it('are at most 31 characters, without forbidden characters, unique in any case', () => {
		const names = sheetNames([
			'単純集計 a_very_long_question_key_that_goes_on',
			'単純集計 a_very_long_question_key_that_goes_on_too',
			'Q1/Q2: [x]?',
			'Cover',
			'cover',
			"'quoted'",
			''
		]);
		expect(names.every((n) => [...n].length <= 31)).toBe(true);
		expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
		expect(names[1]).toMatch(/\(2\)$/);
		expect(names[2]).toBe('Q1 Q2 x');
		expect(names[4]).toBe('cover (2)');
		expect(names[5]).toBe('quoted');
		expect(names[6]).toBe('Sheet7');
	});
});
