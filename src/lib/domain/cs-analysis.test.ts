import { describe, expect, it } from 'vitest';
import { csAnalysis, type CsCell, csDimensions, dimensionScore, pointScore } from './cs-analysis';

const keyed = (...keys: string[]) => keys.map((key) => ({ key }));
const measures = {
	rows: keyed('a', 'b', 'c'),
	dimensions: keyed('satisfaction', 'importance'),
	scale: keyed('5', '4', '3', '2', '1')
};

/** Cells for one stratum from counts listed in scale order (5 … 1). */
function cellsOf(district: string, age: string, item: string, counts: number[]): CsCell[] {
	const answered = counts.reduce((s, c) => s + c, 0);
	return [
		{ district, age_group: age, item, choice: '', n: answered },
		...counts.map((n, i) => ({ district, age_group: age, item, choice: String(5 - i), n }))
	];
}

// Row a: satisfaction 5,4,1,1 → mean (2 + 1 − 2 − 2) / 4 = −0.25, net 2/4 − 2/4 = 0 pt;
//        importance 5,5,5,4 → mean 7/4 = 1.75, net 100 pt.
// Row b: satisfaction 4,4,3,3 → mean 0.5, net 50 pt; importance 3 × 4 → mean 0, net 0 pt.
// Row c: nobody answered.
const cells = [
	...cellsOf('north', '30s', 'a/satisfaction', [1, 1, 0, 0, 2]),
	...cellsOf('north', '30s', 'a/importance', [3, 1, 0, 0, 0]),
	...cellsOf('north', '30s', 'b/satisfaction', [0, 2, 2, 0, 0]),
	...cellsOf('north', '30s', 'b/importance', [0, 0, 4, 0, 0])
];

describe('pointScore', () => {
	it('runs from +2 for the first option to −2 for the last', () => {
		expect([0, 1, 2, 3, 4].map((i) => pointScore(i, 5))).toEqual([2, 1, 0, -1, -2]);
		expect([0, 1, 2].map((i) => pointScore(i, 3))).toEqual([2, 0, -2]);
		expect(pointScore(1, 7)).toBeCloseTo(4 / 3);
	});
});

describe('dimensionScore', () => {
	it('scores a five-point cell', () => {
		expect(dimensionScore([1, 1, 0, 0, 2])).toEqual({ n: 4, mean: -0.25, net: 0 });
		expect(dimensionScore([3, 1, 0, 0, 0])).toEqual({ n: 4, mean: 1.75, net: 100 });
	});
	it('uses one option at each end of a short scale', () => {
		// 3 points: (2 + 0 − 2 − 2) / 4 = −0.5; 1/4 − 2/4 = −25 pt
		expect(dimensionScore([1, 1, 2])).toEqual({ n: 4, mean: -0.5, net: -25 });
	});
	it('has no score without answers', () => {
		expect(dimensionScore([0, 0, 0, 0, 0])).toEqual({ n: 0, mean: null, net: null });
	});
});

describe('csDimensions', () => {
	it('finds satisfaction and importance by key, or takes them in order', () => {
		expect(csDimensions({ dimensions: keyed('importance', 'satisfaction') })).toEqual([
			'satisfaction',
			'importance'
		]);
		expect(csDimensions({ dimensions: keyed('now', 'future') })).toEqual(['now', 'future']);
		expect(csDimensions({ dimensions: keyed('only') })).toBeNull();
	});
});

describe('csAnalysis', () => {
	it('scores each row by the mean and splits the quadrants at the means over rows', () => {
		const result = csAnalysis(cells, measures, { scoring: 'mean' })!;
		// split: satisfaction (−0.25 + 0.5) / 2 = 0.125; importance (1.75 + 0) / 2 = 0.875
		expect(result.split).toEqual({ satisfaction: 0.125, importance: 0.875 });
		expect(result.rows).toEqual([
			{
				row: 'a',
				hidden: false,
				satisfaction: { n: 4, mean: -0.25, net: 0 },
				importance: { n: 4, mean: 1.75, net: 100 },
				quadrant: 'priorityImprove'
			},
			{
				row: 'b',
				hidden: false,
				satisfaction: { n: 4, mean: 0.5, net: 50 },
				importance: { n: 4, mean: 0, net: 0 },
				quadrant: 'maintain'
			},
			{
				row: 'c',
				hidden: false,
				satisfaction: { n: 0, mean: null, net: null },
				importance: { n: 0, mean: null, net: null },
				quadrant: null
			}
		]);
	});

	it('splits by the net scores when asked', () => {
		const result = csAnalysis(cells, measures, { scoring: 'net' })!;
		// split: satisfaction (0 + 50) / 2 = 25; importance (100 + 0) / 2 = 50
		expect(result.split).toEqual({ satisfaction: 25, importance: 50 });
		expect(result.rows.map((r) => r.quadrant)).toEqual(['priorityImprove', 'maintain', null]);
	});

	it('gives the other two quadrants for high-high and low-low rows', () => {
		const twoRows = { ...measures, rows: keyed('a', 'b') };
		const mixed = [
			...cellsOf('north', '30s', 'a/satisfaction', [2, 0, 0, 0, 0]),
			...cellsOf('north', '30s', 'a/importance', [2, 0, 0, 0, 0]),
			...cellsOf('north', '30s', 'b/satisfaction', [0, 0, 0, 0, 2]),
			...cellsOf('north', '30s', 'b/importance', [0, 0, 0, 0, 2])
		];
		const result = csAnalysis(mixed, twoRows, { scoring: 'mean' })!;
		expect(result.rows.map((r) => r.quadrant)).toEqual(['priorityMaintain', 'improve']);
	});

	it('counts only the chosen district and age group', () => {
		const more = [
			...cells,
			...cellsOf('south', '30s', 'a/satisfaction', [0, 0, 0, 0, 6]),
			...cellsOf('south', '70s', 'a/satisfaction', [10, 0, 0, 0, 0])
		];
		const all = csAnalysis(more, measures, { scoring: 'mean' })!;
		// (1·2 + 1·1 + 2·−2 + 6·−2 + 10·2) / 20 = 7 / 20
		expect(all.rows[0].satisfaction).toMatchObject({ n: 20, mean: 0.35 });
		const south = csAnalysis(more, measures, { scoring: 'mean', district: 'south' })!;
		expect(south.rows[0].satisfaction).toMatchObject({ n: 16, mean: 0.5 });
		expect(south.rows[0].importance.n).toBe(0);
		const young = csAnalysis(more, measures, {
			scoring: 'net',
			district: 'south',
			ageGroup: '30s'
		});
		expect(young!.rows[0].satisfaction).toEqual({ n: 6, mean: -2, net: -100 });
	});

	it('is null for a matrix with one dimension', () => {
		expect(
			csAnalysis(cells, { ...measures, dimensions: keyed('satisfaction') }, { scoring: 'mean' })
		).toBeNull();
	});

	it('skips suppressed cells and flags their rows', () => {
		const suppressed: CsCell[] = [
			...cells,
			{ district: 'south', age_group: '30s', item: 'b/importance', choice: '5', n: null }
		];
		const result = csAnalysis(suppressed, measures, { scoring: 'mean' })!;
		expect(result.rows.map((r) => r.hidden)).toEqual([false, true, false]);
		expect(result.rows[1].importance).toEqual({ n: 4, mean: 0, net: 0 });
		const north = csAnalysis(suppressed, measures, { scoring: 'mean', district: 'north' })!;
		expect(north.rows[1].hidden).toBe(false);
	});
});
