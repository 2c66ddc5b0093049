import { describe, expect, it } from 'vitest';
import { definition } from './questionnaire';
import { sampleDefinition } from './fixtures';

const clone = () => structuredClone(sampleDefinition) as unknown as Record<string, never>;

describe('questionnaire definition schema', () => {
	it('accepts the sample with defaults filled in', () => {
		const parsed = definition.parse(sampleDefinition);
		const comment = parsed.sections[2].questions[1];
		expect(comment.type === 'text' && comment.multiline).toBe(true);
		expect(parsed.sections[0].questions[0].required).toBe(true);
	});

	it('refuses a duplicate question key', () => {
		const def = structuredClone(sampleDefinition);
		def.sections[1].questions[0].key = 'district';
		const result = definition.safeParse(def);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.message).join()).toMatch(/used twice/);
	});

	it('refuses a condition on a later question', () => {
		const def = structuredClone(sampleDefinition);
		def.sections[0].questions[0].showIf = { question: 'stay', equals: 'yes' };
		const result = definition.safeParse(def);
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].path).toEqual(['sections', 0, 'questions', 0, 'showIf']);
	});

	it('refuses a condition on a question that does not exist', () => {
		const def = structuredClone(sampleDefinition);
		def.sections[2].showIf = { any: [{ question: 'gone', answered: true }] };
		expect(definition.safeParse(def).success).toBe(false);
	});

	it('requires Japanese text and well-formed keys', () => {
		const noJapanese = clone();
		(noJapanese as unknown as { sections: { title: unknown }[] }).sections[0].title = {
			en: 'About'
		};
		expect(definition.safeParse(noJapanese).success).toBe(false);
		const badKey = structuredClone(sampleDefinition);
		badKey.sections[0].questions[0].key = 'Bad Key';
		expect(definition.safeParse(badKey).success).toBe(false);
	});

	it('requires strata to name single-choice questions', () => {
		const def = structuredClone(sampleDefinition);
		def.strata.district = 'comment';
		expect(definition.safeParse(def).success).toBe(false);
	});

	it('refuses duplicate section keys and languages without Japanese', () => {
		const def = structuredClone(sampleDefinition);
		def.sections[1].key = def.sections[0].key;
		expect(definition.safeParse(def).error?.issues[0].path).toEqual(['sections', 1, 'key']);
		const english = structuredClone(sampleDefinition) as unknown as { languages: string[] };
		english.languages = ['en'];
		expect(definition.safeParse(english).success).toBe(false);
	});
});
