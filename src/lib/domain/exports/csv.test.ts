import { describe, expect, it } from 'vitest';
import { neutralise } from './cells';
import { BOM, toCsv } from './csv';

describe('CSV for Japanese Excel', () => {
	it('starts with a byte-order mark and ends every line with CRLF', () => {
		const csv = toCsv([
			['地区', '件数'],
			['大嶺', 12]
		]);
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('地区,件数\r\n大嶺,12\r\n');
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});

	it('quotes commas, quotes and line breaks, and leaves empty cells empty', () => {
		expect(toCsv([['a,b', 'say "hi"', 'two\nlines', null, 3.5]]).slice(1)).toBe(
			'"a,b","say ""hi""","two\nlines",,3.5\r\n'
		);
	});

	it('neutralises anything a spreadsheet would run as a formula', () => {
		const attacks = ['=1+1', '+81 90', '-2+3', '@SUM(A1)', '\t=x', '\r=x', '＝HYPERLINK()'];
		const [row] = toCsv([attacks]).slice(1).split('\r\n');
		expect(row).toBe(`'=1+1,'+81 90,'-2+3,'@SUM(A1),'\t=x,"'\r=x",'＝HYPERLINK()`);
		expect(neutralise('住み続けたい')).toBe('住み続けたい');
		expect(neutralise('a=b')).toBe('a=b');
	});

	it('writes numbers as numbers, negative ones included, and drops non-finite ones', () => {
		expect(toCsv([[-2, 0, Number.NaN]]).slice(1)).toBe('-2,0,\r\n');
	});
});
