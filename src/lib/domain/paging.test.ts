import { describe, expect, it } from 'vitest';
import { sampleDefinition as def } from './fixtures';
import { hasMorePages } from './paging';

describe('whether more pages follow', () => {
	it('is true while a later page is shown or may be shown by an answer on this page', () => {
		// Page 1 asks "stay"; page 2 (why_leave) depends on it; page 3 is always shown.
		expect(hasMorePages(def, {}, 1)).toBe(true);
		expect(hasMorePages(def, { stay: 'yes' }, 3)).toBe(false);
		const short = structuredClone(def);
		short.sections = short.sections.slice(0, 2);
		expect(hasMorePages(short, {}, 1)).toBe(true);
		expect(hasMorePages(short, { stay: 'no' }, 2)).toBe(false);
	});
});
