import { describe, expect, it } from 'vitest';
import { readAnswers, validatePage, validateSubmission } from './answers';
import { paginate } from './branching';
import { sampleDefinition as def } from './fixtures';

const complete = {
	district: 'north',
	age: 'old',
	stay: 'yes',
	grid: {
		care: { satisfaction: '1', importance: '3' },
		roads: { satisfaction: '2', importance: '2' }
	}
};

describe('reading a form', () => {
	it('reads each type of field and ignores blanks', () => {
		const form = new FormData();
		form.append('stay', 'no');
		form.append('why_leave', 'jobs');
		form.append('why_leave', 'jobs');
		form.append('why_leave', 'shops');
		form.append('grid.care.satisfaction', '2');
		form.append('grid.roads.importance', '');
		form.append('comment', 'a\r\nb');
		const pages = paginate(def);
		const questions = [...pages[1].questions, ...pages[2].questions, ...pages[3].questions];
		expect(readAnswers(questions, form)).toEqual({
			stay: 'no',
			why_leave: ['jobs', 'shops'],
			grid: { care: { satisfaction: '2' } },
			comment: 'a\nb'
		});
	});
});

describe('validation', () => {
	it('accepts a complete submission', () => {
		expect(validateSubmission(def, complete)).toEqual({});
	});

	it('reports each missing matrix cell and the missing required question', () => {
		const partial = { ...complete, grid: { care: { satisfaction: '1' } } };
		const errors = validateSubmission(def, partial);
		expect(errors['grid.care.importance']).toEqual({ code: 'required' });
		expect(errors['grid']).toEqual({ code: 'required' });
	});

	it('refuses an answer to a hidden question', () => {
		const errors = validateSubmission(def, { ...complete, why_leave: ['jobs'] });
		expect(errors.why_leave).toEqual({ code: 'not_shown' });
	});

	it('refuses unknown questions, unknown options, too many choices and too long text', () => {
		const errors = validateSubmission(def, {
			...complete,
			stay: 'no',
			why_leave: ['jobs', 'shops', 'transport'],
			district: 'atlantis',
			comment: 'x'.repeat(21),
			extra: 'hello'
		});
		expect(errors).toMatchObject({
			why_leave: { code: 'too_many', values: { max: 2 } },
			district: { code: 'invalid' },
			comment: { code: 'too_long', values: { max: 20 } },
			extra: { code: 'not_shown' }
		});
	});

	it('requires a shown conditional question only when its condition holds', () => {
		const pages = paginate(def);
		expect(validatePage(def, pages[2], { stay: 'no' })).toEqual({
			why_leave: { code: 'required' }
		});
		expect(validatePage(def, pages[2], { stay: 'yes' })).toEqual({});
	});
});
