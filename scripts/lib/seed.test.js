import { describe, it, expect } from 'vitest';
import { definition } from '../../src/lib/domain/questionnaire.js';
import { validateSubmission } from '../../src/lib/domain/answers.js';
import { demoAgeGroups, demoDefinition, demoDistricts } from './demo-survey.js';
import { demoResponses } from './seed.js';

/** @param {string} key */
function optionKeys(key) {
	const question = demoDefinition.sections.flatMap((s) => s.questions).find((q) => q.key === key);
	return question && 'options' in question ? question.options.map((o) => o.key) : [];
}

/**
 * The Japanese of every text that has no English.
 * @param {unknown} value
 * @returns {string[]}
 */
function untranslated(value) {
	if (Array.isArray(value)) return value.flatMap(untranslated);
	if (!value || typeof value !== 'object') return [];
	const record = /** @type {Record<string, unknown>} */ (value);
	if (typeof record.ja === 'string') return record.en ? [] : [record.ja];
	return Object.values(record).flatMap(untranslated);
}

describe('demo questionnaire', () => {
	it('is a valid definition', () => {
		const result = definition.safeParse(demoDefinition);
		expect(result.error?.issues ?? []).toEqual([]);
	});

	it('is stored as the schema parses it, so SQL and TypeScript see the same defaults', () => {
		expect(definition.parse(demoDefinition)).toEqual(demoDefinition);
	});

	it('offers exactly the seeded districts and age groups as strata', () => {
		expect(optionKeys('district')).toEqual(demoDistricts.map((d) => d.code));
		expect(optionKeys('age_group')).toEqual(demoAgeGroups.map((g) => g.code));
	});

	it('has English for every text', () => {
		expect(untranslated(demoDefinition)).toEqual([]);
	});
});

describe('demo responses', () => {
	const responses = demoResponses(300);

	it('are reproducible', () => {
		expect(demoResponses(300)).toEqual(responses);
	});

	it('would each pass the resident form validation', () => {
		const parsed = definition.parse(demoDefinition);
		const invalid = responses
			.map((r, i) => ({ i, errors: validateSubmission(parsed, r.answers) }))
			.filter((r) => Object.keys(r.errors).length > 0);
		expect(invalid).toEqual([]);
	});

	it('look like a mailed survey in an ageing city', () => {
		const share = (/** @type {(r: (typeof responses)[number]) => boolean} */ test) =>
			responses.filter(test).length / responses.length;
		expect(share((r) => r.source === 'paper')).toBeGreaterThan(0.05);
		expect(share((r) => r.source === 'paper')).toBeLessThan(0.16);
		expect(share((r) => r.answers.district === 'omine')).toBeGreaterThan(0.2);
		expect(share((r) => r.answers.age_group === 'age70plus')).toBeGreaterThan(
			share((r) => r.answers.age_group === 'age18_29')
		);
	});
});
