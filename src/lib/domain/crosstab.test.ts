import { describe, expect, it } from 'vitest';
import { anyHidden, crosstab } from './crosstab';

const districts = [{ code: 'n', label: 'North' }];
const ages = [
	{ code: 'y', label: 'Young' },
	{ code: 'o', label: 'Old' }
];
const labels = { total: 'All', unknown: '?' };

describe('crosstab with hidden cells', () => {
	it('shows hidden counts as null, and hides every sum and percentage they enter', () => {
		const rows = crosstab(
			[
				{ district: 'n', age_group: 'y', item: '', choice: '', n: 10 },
				{ district: 'n', age_group: 'y', item: '', choice: 'a', n: null },
				{ district: 'n', age_group: 'y', item: '', choice: 'b', n: 8 },
				{ district: 'n', age_group: 'o', item: '', choice: '', n: null },
				{ district: 'n', age_group: 'o', item: '', choice: 'a', n: null },
				{ district: 'n', age_group: 'o', item: '', choice: 'b', n: 5 }
			],
			[
				{ district: 'n', age_group: 'y', n: 10 },
				{ district: 'n', age_group: 'o', n: null }
			],
			'',
			['a', 'b'],
			districts,
			ages,
			labels
		);
		const [young, old, subtotal] = rows;
		expect(young).toMatchObject({ base: 10, noAnswer: 0 });
		expect(young.cells).toEqual([
			{ choice: 'a', n: null, percent: null },
			{ choice: 'b', n: 8, percent: 80 }
		]);
		expect(old).toMatchObject({ base: null, noAnswer: null });
		expect(old.cells[1]).toEqual({ choice: 'b', n: 5, percent: null });
		expect(subtotal.base).toBeNull();
		expect(subtotal.cells.map((c) => c.n)).toEqual([null, 13]);
		expect(anyHidden(rows)).toBe(true);
	});

	it('hides nothing when nothing is hidden', () => {
		const rows = crosstab(
			[{ district: 'n', age_group: 'y', item: '', choice: 'a', n: 6 }],
			[{ district: 'n', age_group: 'y', n: 6 }],
			'',
			['a'],
			districts,
			ages,
			labels
		);
		expect(anyHidden(rows)).toBe(false);
		expect(rows.at(-1)?.cells[0]).toEqual({ choice: 'a', n: 6, percent: 100 });
	});
});
