import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx } from './xlsx';

describe('XLSX', () => {
	it('writes each sheet under a valid name, numbers as numbers, formulas as text', async () => {
		const bytes = await toXlsx([
			{ name: '表紙', rows: [['市民意識調査'], ['回答数', 300]] },
			{
				name: 'クロス集計: [all]',
				rows: [
					['地区', '件数'],
					['大嶺', '*'],
					['=cmd|" /C calc"!A0', -2],
					['@SUM(A1:A2)', null]
				]
			}
		]);
		expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes.buffer);
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['表紙', 'クロス集計 all']);
		const [cover, crosstab] = workbook.worksheets;
		expect(cover.getCell('B2').value).toBe(300);
		expect(crosstab.getCell('B2').value).toBe('*');
		expect(crosstab.getCell('A3').value).toBe(`'=cmd|" /C calc"!A0`);
		expect(crosstab.getCell('A3').formula).toBeUndefined();
		expect(crosstab.getCell('B3').value).toBe(-2);
		expect(crosstab.getCell('A4').value).toBe("'@SUM(A1:A2)");
	});
});
