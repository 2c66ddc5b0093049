/**
 * Properties of small-cell suppression (src/lib/domain/suppression.ts). The SQL
 * side is checked against this mirror in src/lib/server/backend/suppression.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppress, suppressed } from './suppression';

const table = fc
	.record({ rows: fc.integer({ min: 2, max: 8 }), cols: fc.integer({ min: 2, max: 6 }) })
	.chain(({ rows, cols }) =>
		fc.array(fc.array(fc.nat({ max: 30 }), { minLength: cols, maxLength: cols }), {
			minLength: rows,
			maxLength: rows
		})
	);
const k = fc.integer({ min: 3, max: 10 });
const runs = { numRuns: 500 };

const columns = <T>(t: T[][]) => t[0].map((_, c) => t.map((row) => row[c]));

describe('small-cell suppression', () => {
	it('shows no cell with 0 < n < k', () => {
		fc.assert(
			fc.property(table, k, (counts, k) => {
				for (const n of suppressed(counts, k).flat()) {
					expect(n === null || n === 0 || n >= k).toBe(true);
				}
			}),
			runs
		);
	});

	it('leaves no row or column with exactly one hidden cell', () => {
		fc.assert(
			fc.property(table, k, (counts, k) => {
				const hidden = suppress(counts, k);
				for (const line of [...hidden, ...columns(hidden)]) {
					expect(line.filter(Boolean).length).not.toBe(1);
				}
			}),
			runs
		);
	});

	it('shows the other cells exactly as they are', () => {
		fc.assert(
			fc.property(table, k, (counts, k) => {
				suppressed(counts, k).forEach((row, r) =>
					row.forEach((n, c) => {
						if (n !== null) expect(n).toBe(counts[r][c]);
					})
				);
			}),
			runs
		);
	});

	it('hides nothing when no cell is small', () => {
		expect(
			suppress(
				[
					[0, 5],
					[7, 0]
				],
				5
			).flat()
		).toEqual([false, false, false, false]);
	});

	it('pairs a small cell with the smallest non-zero cell of its row and column', () => {
		expect(
			suppressed(
				[
					[2, 9, 6],
					[8, 20, 30],
					[7, 10, 10]
				],
				5
			)
		).toEqual([
			[null, 9, null],
			[8, 20, 30],
			[null, 10, null]
		]);
	});
});
