import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	effectiveSize,
	marginOfError,
	postStratify,
	weightedTable,
	type PopulationCell,
	type StratumChoice,
	type StratumTotal
} from './weighting';

const stratum = (district: string, age_group: string) => ({ district, age_group });

describe('post-stratification weights', () => {
	it('weights each stratum by its population share over its sample share', () => {
		const plan = postStratify(
			[
				{ ...stratum('n', 'young'), population: 300 },
				{ ...stratum('n', 'old'), population: 100 }
			],
			[
				{ ...stratum('n', 'young'), n: 10 },
				{ ...stratum('n', 'old'), n: 30 }
			]
		);
		// population shares 3/4 and 1/4, sample shares 1/4 and 3/4
		expect(plan.strata.map((s) => s.weight)).toEqual([3, 1 / 3]);
		expect(plan.leftOutRespondents).toBe(0);
		expect(plan.uncoveredPopulation).toBe(0);
		// (Σw)² / Σw² = (30 + 10)² / (10·9 + 30/9)
		expect(plan.effectiveSize).toBeCloseTo(1600 / (90 + 30 / 9));
	});

	it('leaves out respondents without population, and reports population without respondents', () => {
		const plan = postStratify(
			[
				{ ...stratum('a', 'x'), population: 100 },
				{ ...stratum('b', 'x'), population: 50 },
				{ ...stratum('c', 'x'), population: 0 }
			],
			[
				{ ...stratum('a', 'x'), n: 10 },
				{ ...stratum('c', 'x'), n: 4 },
				{ ...stratum('', ''), n: 2 },
				{ ...stratum('d', 'x'), n: null }
			]
		);
		expect(plan.strata).toEqual([
			{ ...stratum('a', 'x'), population: 100, respondents: 10, weight: 1 }
		]);
		expect(plan.leftOutRespondents).toBe(6);
		expect(plan.uncoveredPopulation).toBe(50);
		expect(plan.totalPopulation).toBe(150);
		expect(plan.hiddenStrata).toBe(1);
	});
});

describe('weighted percentages', () => {
	const population: PopulationCell[] = [
		{ ...stratum('n', 'young'), population: 500 },
		{ ...stratum('n', 'old'), population: 500 }
	];
	const strata: StratumTotal[] = [
		{ ...stratum('n', 'young'), n: 20 },
		{ ...stratum('n', 'old'), n: 80 }
	];
	const cells: StratumChoice[] = [
		{ ...stratum('n', 'young'), item: '', choice: 'yes', n: 20 },
		{ ...stratum('n', 'old'), item: '', choice: 'no', n: 80 }
	];

	it('are the population-weighted mean of the strata’s percentages', () => {
		const table = weightedTable(population, strata, cells, '', ['yes', 'no']);
		expect(table.rows.map((r) => r.percent)).toEqual([50, 50]);
		// weights 2.5 and 0.625: n_eff = 100² / (20·6.25 + 80·0.390625) = 64
		expect(table.plan.effectiveSize).toBeCloseTo(64);
		expect(table.rows[0].moe).toBeCloseTo(100 * 1.96 * Math.sqrt(0.25 / 64));
	});

	it('leave out strata with a hidden cell in the item, and say how many', () => {
		const hidden = [...cells, { ...stratum('s', 'old'), item: '', choice: 'yes', n: null }];
		const table = weightedTable(
			[...population, { ...stratum('s', 'old'), population: 1000 }],
			[...strata, { ...stratum('s', 'old'), n: 7 }],
			hidden,
			'',
			['yes', 'no']
		);
		expect(table.hiddenInItem).toBe(1);
		expect(table.plan.uncoveredPopulation).toBe(1000);
		expect(table.rows.map((r) => r.percent)).toEqual([50, 50]);
	});
});

describe('margin of error', () => {
	it('is 1.96·sqrt(p(1−p)/n), and zero without a sample', () => {
		expect(marginOfError(0.5, 100)).toBeCloseTo(0.098);
		expect(marginOfError(0, 100)).toBe(0);
		expect(marginOfError(0.5, 0)).toBe(0);
	});
});

// ---------------------------------------------------------------------------
// Properties over random strata

const DISTRICTS = ['a', 'b', 'c'];
const AGES = ['x', 'y', 'z'];
const grid = DISTRICTS.flatMap((d) => AGES.map((a) => stratum(d, a)));
const runs = { numRuns: 300 };

/** A sample (each stratum 1–60 respondents, split over two choices) and a population. */
const arrangement = fc.record({
	sample: fc.array(
		fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.nat({ max: n }))),
		{ minLength: grid.length, maxLength: grid.length }
	),
	population: fc.array(fc.integer({ min: 1, max: 100_000 }), {
		minLength: grid.length,
		maxLength: grid.length
	})
});

const strataOf = (sample: [number, number][]): StratumTotal[] =>
	grid.map((s, i) => ({ ...s, n: sample[i][0] }));
const cellsOf = (sample: [number, number][]): StratumChoice[] =>
	grid.flatMap((s, i) => [
		{ ...s, item: '', choice: 'yes', n: sample[i][1] },
		{ ...s, item: '', choice: 'no', n: sample[i][0] - sample[i][1] }
	]);

describe('weighting properties', () => {
	it('makes the weighted shares of the strata equal their population shares', () => {
		fc.assert(
			fc.property(arrangement, ({ sample, population }) => {
				const people = grid.map((s, i) => ({ ...s, population: population[i] }));
				const plan = postStratify(people, strataOf(sample));
				const total = plan.strata.reduce((a, s) => a + s.weight * s.respondents, 0);
				const respondents = sample.reduce((a, [n]) => a + n, 0);
				expect(total).toBeCloseTo(respondents, 6);
				const allPeople = population.reduce((a, b) => a + b, 0);
				for (const s of plan.strata) {
					expect((s.weight * s.respondents) / total).toBeCloseTo(s.population / allPeople, 9);
				}
			}),
			runs
		);
	});

	it('changes nothing when the population is proportional to the sample', () => {
		fc.assert(
			fc.property(arrangement, fc.integer({ min: 1, max: 1000 }), ({ sample }, factor) => {
				const people = grid.map((s, i) => ({ ...s, population: sample[i][0] * factor }));
				const table = weightedTable(people, strataOf(sample), cellsOf(sample), '', ['yes', 'no']);
				const n = sample.reduce((a, [total]) => a + total, 0);
				const yes = sample.reduce((a, [, y]) => a + y, 0);
				expect(table.rows[0].percent).toBeCloseTo((100 * yes) / n, 9);
				expect(table.rows[1].percent).toBeCloseTo((100 * (n - yes)) / n, 9);
				expect(table.plan.effectiveSize).toBeCloseTo(n, 6);
				expect(table.rows[0].moe).toBeCloseTo(100 * marginOfError(yes / n, n), 9);
			}),
			runs
		);
	});

	it('never gives an effective sample larger than the sample', () => {
		fc.assert(
			fc.property(arrangement, ({ sample, population }) => {
				const people = grid.map((s, i) => ({ ...s, population: population[i] }));
				const plan = postStratify(people, strataOf(sample));
				expect(plan.effectiveSize).toBeLessThanOrEqual(
					plan.strata.reduce((a, s) => a + s.respondents, 0) + 1e-9
				);
			}),
			runs
		);
	});

	it('shrinks the margin of error as the sample grows', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.integer({ min: 1, max: 100_000 }),
				fc.integer({ min: 1, max: 100_000 }),
				(p, n, more) => {
					expect(marginOfError(p, n + more)).toBeLessThanOrEqual(marginOfError(p, n));
				}
			),
			runs
		);
	});

	it('gives equal weights an effective size of the whole sample', () => {
		fc.assert(
			fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.nat({ max: 500 }), (w, n) => {
				expect(effectiveSize([{ weight: w, n }])).toBeCloseTo(n, 6);
			}),
			runs
		);
	});
});
