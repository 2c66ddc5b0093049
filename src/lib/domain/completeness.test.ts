import { describe, expect, it } from 'vitest';
import { completeness } from './completeness';
import { sampleDefinition } from './fixtures';

describe('completeness per language', () => {
	it('counts every text and those present in each language', () => {
		const def = structuredClone(sampleDefinition);
		const [ja, en] = completeness(def);
		expect(ja.done).toBe(ja.total);
		expect(en.total).toBe(ja.total);
		const before = en.done;
		def.sections[0].title.en = '';
		expect(completeness(def)[1].done).toBe(before - 1);
	});
});
