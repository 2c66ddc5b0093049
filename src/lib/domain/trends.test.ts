import { describe, expect, it } from 'vitest';
import { sampleDefinition } from './fixtures';
import { definition, type Definition } from './questionnaire';
import { compareWaves, significantChange } from './trends';

const earlierWave = (): Definition => {
	const copy = structuredClone(sampleDefinition);
	const living = copy.sections.find((s) => s.key === 'living')!;
	// Asked differently last time, and without the follow-up question.
	const stay = living.questions.find((q) => q.key === 'stay')!;
	stay.text = { ja: '今後も住み続けたいと思いますか' };
	living.questions = living.questions.filter((q) => q.key !== 'why_leave');
	return definition.parse(copy);
};

const counts = (stayYes: number, answered: number) => [
	{ question_key: 'stay', item: '', choice: '', n: answered },
	{ question_key: 'stay', item: '', choice: 'yes', n: stayYes },
	{ question_key: 'stay', item: '', choice: 'no', n: answered - stayYes }
];

describe('compareWaves', () => {
	const trends = compareWaves(
		{ definition: sampleDefinition, counts: counts(640, 1000), respondents: 1000 },
		{ definition: earlierWave(), counts: counts(580, 1000), respondents: 1000 },
		'ja'
	);
	const stay = trends.tables.find((t) => t.question === 'stay')!;

	it('puts the same question of both waves side by side, with the change in points', () => {
		expect(stay.cells.find((c) => c.key === 'yes')).toMatchObject({
			now: 64,
			before: 58,
			significant: true
		});
		expect(stay.cells.find((c) => c.key === 'yes')?.change).toBeCloseTo(6);
	});

	it('warns where the wording changed, and lists what only one wave asked', () => {
		expect(stay.warnings).toEqual(['wording']);
		expect(trends.added).toEqual(['why_leave']);
		expect(trends.dropped).toEqual([]);
		expect(trends.tables.find((t) => t.question === 'district')?.warnings).toEqual([]);
	});

	it('warns about changed options and keeps choices only the earlier wave had', () => {
		const before = structuredClone(sampleDefinition);
		const district = before.sections[0].questions.find((q) => q.key === 'district');
		if (district?.type !== 'single') throw new Error('fixture changed');
		district.options.push({ key: 'east', label: { ja: 'east' } });
		const result = compareWaves(
			{ definition: sampleDefinition, counts: [], respondents: 10 },
			{
				definition: definition.parse(before),
				counts: [{ question_key: 'district', item: '', choice: 'east', n: 5 }],
				respondents: 10
			},
			'ja'
		);
		const table = result.tables.find((t) => t.question === 'district')!;
		expect(table.warnings).toEqual(['options']);
		expect(table.cells.find((c) => c.key === 'east')).toMatchObject({ now: null, before: 50 });
	});
});

describe('significantChange', () => {
	it('needs a bigger change when the samples are small', () => {
		expect(significantChange(0.64, 1000, 0.58, 1000)).toBe(true);
		expect(significantChange(0.64, 50, 0.58, 50)).toBe(false);
		expect(significantChange(0.5, 0, 0.1, 100)).toBe(false);
		expect(significantChange(0, 100, 0, 100)).toBe(false);
	});
});
