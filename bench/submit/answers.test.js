import { expect, it } from 'vitest';
import { demoDefinition } from '../../scripts/lib/demo-survey.js';
import { fieldsFor, fullAnswers, random } from './answers.js';

it('answers every question of the demo, with the follow-up shown', () => {
	const answers = fullAnswers(demoDefinition, random(1));
	const keys = demoDefinition.sections.flatMap((s) => s.questions.map((q) => q.key));
	expect(Object.keys(answers).sort()).toEqual([...keys].sort());
	expect(['prefer_leave', 'leave']).toContain(answers.settle_intent);
	const measures = /** @type {Record<string, Record<string, string>>} */ (answers.measures);
	expect(Object.keys(measures)).toHaveLength(12);
	expect(Object.keys(measures.childcare).sort()).toEqual(['importance', 'satisfaction']);
	for (const key of ['leave_reasons', 'good_points', 'priorities']) {
		const ticked = /** @type {string[]} */ (answers[key]);
		expect(ticked.length).toBeGreaterThanOrEqual(1);
		expect(ticked.length).toBeLessThanOrEqual(3);
		expect(ticked).not.toContain('none');
	}
});

it('repeats with the same seed', () => {
	expect(fullAnswers(demoDefinition, random(7))).toEqual(fullAnswers(demoDefinition, random(7)));
});

it('posts only the fields the page has, as the form names them', () => {
	const answers = {
		district: 'omine',
		good_points: ['nature', 'safety'],
		measures: { childcare: { satisfaction: '4', importance: '5' } }
	};
	expect(fieldsFor(answers, new Set(['good_points', 'measures.childcare.importance']))).toEqual([
		['good_points', 'nature'],
		['good_points', 'safety'],
		['measures.childcare.importance', '5']
	]);
});
