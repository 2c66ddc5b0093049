import { describe, expect, it } from 'vitest';
import { holds, paginate, pruneHidden, shownPages, stepPage } from './branching';
import { sampleDefinition as def } from './fixtures';

describe('conditions', () => {
	const answers = { stay: 'no', why_leave: ['jobs'] };
	it('evaluates equals, includes, answered and groups', () => {
		expect(holds({ question: 'stay', equals: 'no' }, answers)).toBe(true);
		expect(holds({ question: 'why_leave', includes: 'jobs' }, answers)).toBe(true);
		expect(holds({ question: 'why_leave', includes: 'shops' }, answers)).toBe(false);
		expect(holds({ question: 'comment', answered: false }, answers)).toBe(true);
		expect(
			holds(
				{
					all: [
						{ question: 'stay', equals: 'no' },
						{
							any: [
								{ question: 'x', answered: true },
								{ question: 'why_leave', includes: 'jobs' }
							]
						}
					]
				},
				answers
			)
		).toBe(true);
	});
});

describe('paging', () => {
	it('splits a section before a question that depends on its own page', () => {
		const pages = paginate(def);
		expect(pages.map((p) => p.questions.map((q) => q.key))).toEqual([
			['district', 'age'],
			['stay'],
			['why_leave'],
			['grid', 'comment']
		]);
	});

	it('skips a page whose questions are all hidden, both ways', () => {
		expect(shownPages(def, { stay: 'yes' })).toEqual([0, 1, 3]);
		expect(stepPage(def, { stay: 'yes' }, 1, 1)).toBe(3);
		expect(stepPage(def, { stay: 'no' }, 1, 1)).toBe(2);
		expect(stepPage(def, { stay: 'yes' }, 3, -1)).toBe(1);
		expect(stepPage(def, {}, 3, 1)).toBeNull();
	});

	it('drops answers to questions that became hidden', () => {
		expect(pruneHidden(def, { stay: 'yes', why_leave: ['jobs'] })).toEqual({ stay: 'yes' });
		expect(pruneHidden(def, { stay: 'no', why_leave: ['jobs'] })).toEqual({
			stay: 'no',
			why_leave: ['jobs']
		});
	});
});
