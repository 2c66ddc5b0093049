import { describe, expect, it } from 'vitest';
import { breakdownTable, type BreakdownCell } from './breakdown';
import { parseBreakdownQuery } from './breakdown-query';

const cells: BreakdownCell[] = [
	{ grp: 'f', choice: null, n: 40 },
	{ grp: 'f', choice: 'yes', n: 30 },
	{ grp: 'f', choice: 'no', n: 6 },
	{ grp: 'f', choice: '', n: 4 },
	{ grp: 'm', choice: null, n: 20 },
	{ grp: 'm', choice: 'yes', n: 10 },
	{ grp: 'm', choice: 'no', n: null },
	{ grp: 'm', choice: '', n: null },
	{ grp: '', choice: null, n: 5 },
	{ grp: '', choice: 'yes', n: 5 },
	{ grp: null, choice: null, n: 65 },
	{ grp: null, choice: 'yes', n: 45 },
	{ grp: null, choice: 'no', n: 13 },
	{ grp: null, choice: '', n: 7 }
];
const groups = [
	{ code: 'f', label: '女性' },
	{ code: 'm', label: '男性' },
	{ code: 'x', label: 'その他' }
];

describe('breakdownTable', () => {
	const rows = breakdownTable(cells, ['yes', 'no'], groups, '無回答');

	it('lists the groups in order, then others the counts name, then 全体', () => {
		expect(rows.map((r) => r.group?.label ?? '*')).toEqual([
			'女性',
			'男性',
			'その他',
			'無回答',
			'*'
		]);
	});

	it('gives row % of the row base and column % of the column total', () => {
		const f = rows[0];
		expect(f.base).toEqual({ n: 40, rowPercent: 100, columnPercent: (100 * 40) / 65 });
		expect(f.cells[0]).toEqual({
			choice: 'yes',
			n: 30,
			rowPercent: 75,
			columnPercent: (100 * 30) / 45
		});
		expect(f.noAnswer).toEqual({ n: 4, rowPercent: 10, columnPercent: (100 * 4) / 7 });
		expect(rows[4].cells[1]).toMatchObject({ n: 13, columnPercent: 100, rowPercent: 20 });
	});

	it('shows missing cells as zeros and hidden ones, with their percentages, as null', () => {
		expect(rows[2].base).toEqual({ n: 0, rowPercent: 0, columnPercent: 0 });
		expect(rows[1].cells[1]).toEqual({
			choice: 'no',
			n: null,
			rowPercent: null,
			columnPercent: null
		});
		expect(rows[1].cells[0].rowPercent).toBe(50);
	});
});

describe('parseBreakdownQuery', () => {
	const allowed = {
		targets: ['stay|'],
		by: ['gender', 'district'],
		districts: ['n'],
		ageGroups: ['o']
	};
	const parse = (q: string) => parseBreakdownQuery(new URLSearchParams(q), allowed);

	it('reads a full view', () => {
		expect(
			parse(
				'target=stay|&by=gender&district=n&age=o&source=paper&from=2026-01-01&to=2026-01-31&pct=column'
			)
		).toEqual({
			target: 'stay|',
			by: 'gender',
			district: 'n',
			ageGroup: 'o',
			source: 'paper',
			from: '2026-01-01',
			to: '2026-01-31',
			percent: 'column'
		});
	});

	it('ignores unknown or malformed values instead of failing', () => {
		expect(
			parse(
				'target=x|&by=income&district=z&age=&source=fax&from=2026-02-30&to=yesterday&pct=all&x=1'
			)
		).toEqual({
			target: null,
			by: null,
			district: null,
			ageGroup: null,
			source: null,
			from: null,
			to: null,
			percent: 'row'
		});
	});
});
