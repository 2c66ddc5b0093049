import { describe, expect, it } from 'vitest';
import { problemsOf } from './definition-problems';
import { sampleDefinition } from './fixtures';
import { definition } from './questionnaire';

describe('problems shown in the builder', () => {
	it('explain a condition on a later or removed question, with its place', () => {
		const def = structuredClone(sampleDefinition);
		def.sections[0].questions[1].showIf = { question: 'stay', equals: 'yes' };
		const result = definition.safeParse(def);
		expect(result.success).toBe(false);
		expect(problemsOf(result.error!.issues)).toContainEqual({
			key: 'builder.problem.later_reference',
			values: expect.objectContaining({ ref: 'stay' }) as unknown,
			path: 'sections.0.questions.1.showIf'
		});
	});

	it('give limits for too few items', () => {
		const result = definition.safeParse({ ...sampleDefinition, sections: [] });
		expect(problemsOf(result.error!.issues)).toContainEqual({
			key: 'builder.problem.too_small',
			values: { limit: 1 },
			path: 'sections'
		});
	});
});
