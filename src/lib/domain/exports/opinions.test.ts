import { describe, expect, it } from 'vitest';
import { createTranslator } from '$lib/i18n';
import { toCsv } from './csv';
import { opinionCells } from './opinions';

const t = createTranslator('ja');

describe('the table of opinions as a file', () => {
	it('has a header and one row per answer, formula-like text neutralised in CSV', () => {
		const cells = opinionCells(
			[
				{
					nos: [1, 2],
					section: null,
					summary: '=HYPERLINK("x")',
					response: '考え方',
					revised: true,
					revisionNote: '追記'
				}
			],
			t
		);
		expect(cells[0]).toEqual([
			'No.',
			'該当箇所',
			'意見の概要',
			'市の考え方',
			'修正の有無',
			'修正内容'
		]);
		expect(cells[1]).toEqual(['1, 2', '全体', '=HYPERLINK("x")', '考え方', '修正あり', '追記']);
		const csv = toCsv(cells);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
		expect(csv.endsWith('\r\n')).toBe(true);
	});
});
