import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberSummary, rankingScores, ratingMean } from './question-stats';

const count = (item: string, choice: string, n: number) => ({ question_key: 'q', item, choice, n });

describe('rating mean', () => {
	it('averages the points over those who answered', () => {
		expect(ratingMean([count('', '', 4), count('', '1', 1), count('', '5', 3)], 'q')).toBe(4);
		expect(ratingMean([], 'q')).toBeNull();
	});
});

describe('ranking scores (Borda)', () => {
	it('gives first of the top 3 three points, third one, unranked none', () => {
		const counts = [
			count('1', '', 2),
			count('1', 'a', 2),
			count('2', 'b', 1),
			count('2', 'c', 1),
			count('3', 'c', 1),
			count('3', 'd', 1)
		];
		const { respondents, scores } = rankingScores(counts, 'q', ['a', 'b', 'c', 'd', 'e'], 3);
		expect(respondents).toBe(2);
		expect(scores.map((s) => [s.option, s.points])).toEqual([
			['a', 6],
			['c', 3],
			['b', 2],
			['d', 1],
			['e', 0]
		]);
		expect(scores[0]).toMatchObject({ mean: 3, ranked: 2 });
	});
});

describe('number summary', () => {
	it('has the mean, the median and a histogram from the distribution', () => {
		const s = numberSummary(
			[
				{ value: 1, n: 1 },
				{ value: 2, n: 2 },
				{ value: 10, n: 1 },
				{ value: null, n: 3 }
			],
			{ integer: true }
		);
		expect(s).toMatchObject({ n: 4, hidden: 3, mean: 15 / 4, median: 2, min: 1, max: 10 });
		expect(s.bins.reduce((a, b) => a + b.n, 0)).toBe(4);
		expect(s.bins[0]).toEqual({ from: 1, to: 2, n: 1 });
	});

	it('takes the mean of the two middle values for an even count', () => {
		expect(
			numberSummary([
				{ value: 1, n: 1 },
				{ value: 4, n: 1 }
			]).median
		).toBe(2.5);
		expect(numberSummary([]).median).toBeNull();
	});

	it('puts every answer in exactly one bin, between the edges', () => {
		const values = fc.array(
			fc.record({
				// answers as typed: up to two decimals
				value: fc.integer({ min: -100_000, max: 100_000 }).map((v) => v / 100),
				n: fc.integer({ min: 1, max: 9 })
			}),
			{ minLength: 1, maxLength: 40 }
		);
		fc.assert(
			fc.property(values, (distribution) => {
				const s = numberSummary(distribution);
				const total = distribution.reduce((a, d) => a + d.n, 0);
				expect(s.bins.reduce((a, b) => a + b.n, 0)).toBe(total);
				expect(s.bins[0].from).toBeLessThanOrEqual(s.min!);
				expect(s.bins[s.bins.length - 1].to).toBeGreaterThan(s.max! - 1e-9);
				expect(s.median!).toBeGreaterThanOrEqual(s.min!);
				expect(s.median!).toBeLessThanOrEqual(s.max!);
			}),
			{ numRuns: 300 }
		);
	});
});
