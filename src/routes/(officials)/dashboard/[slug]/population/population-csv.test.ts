import { describe, expect, it } from 'vitest';
import { parsePopulationCsv } from './population-csv';

describe('a pasted population', () => {
	it('reads tabs or commas, quotes and grouped digits, and skips a heading', () => {
		const text =
			'地区\t年代\t人口\n大嶺\t18〜29歳\t1,234\n\nomine,"30〜39歳",2,345\n"a ""b""",x,-3\n';
		expect(parsePopulationCsv(text)).toEqual({
			rows: [
				{ line: '2', district: '大嶺', age_group: '18〜29歳', population: '1,234' },
				{ line: '4', district: 'omine', age_group: '30〜39歳', population: '2,345' },
				{ line: '5', district: 'a "b"', age_group: 'x', population: '-3' }
			],
			badLines: []
		});
	});

	it('keeps a first line with a number as data, and names lines without three columns', () => {
		expect(parsePopulationCsv('omine,young,10\nomine young 20')).toEqual({
			rows: [{ line: '1', district: 'omine', age_group: 'young', population: '10' }],
			badLines: [2]
		});
	});
});
