import { describe, expect, it } from 'vitest';
import { ratePercent, rateTable, type RateInput } from './response-rate';

const row = (
	district: string,
	age_group: string,
	sampled: number,
	web: number | null,
	paper: number | null
): RateInput => ({
	district,
	age_group,
	sampled,
	responded: web === null || paper === null ? null : web + paper,
	web,
	paper
});

describe('rateTable', () => {
	it('orders strata as given and sums the margins', () => {
		const t = rateTable(
			[
				row('south', 'old', 100, 20, 15),
				row('north', 'old', 50, 10, 10),
				row('north', 'young', 40, 12, 2)
			],
			['north', 'south'],
			['young', 'old']
		);
		expect(t.districts).toEqual(['north', 'south']);
		expect(t.ageGroups).toEqual(['young', 'old']);
		expect(t.rowTotals.north).toEqual({ sampled: 90, responded: 34, web: 22, paper: 12 });
		expect(t.columnTotals.old).toEqual({ sampled: 150, responded: 55, web: 30, paper: 25 });
		expect(t.total).toEqual({ sampled: 190, responded: 69, web: 42, paper: 27 });
		expect(ratePercent(t.total)).toBe(36.3);
		expect(t.cells.south.young).toBeUndefined();
	});

	it('hides every margin a hidden cell is part of, and puts unknown codes last', () => {
		const t = rateTable(
			[
				row('north', 'young', 40, null, null),
				row('north', 'old', 40, 30, 0),
				row('x', 'old', 5, 5, 0)
			],
			['north'],
			['young', 'old']
		);
		expect(t.districts).toEqual(['north', 'x']);
		expect(t.rowTotals.north.responded).toBeNull();
		expect(t.rowTotals.north.sampled).toBe(80);
		expect(t.columnTotals.old.responded).toBe(35);
		expect(t.total.responded).toBeNull();
		expect(ratePercent(t.rowTotals.north)).toBeNull();
		expect(ratePercent({ sampled: 0, responded: 0, web: 0, paper: 0 })).toBeNull();
	});
});
