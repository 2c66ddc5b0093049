import { describe, expect, it } from 'vitest';
import {
	decodeCsv,
	MAX_ERRORS,
	MAX_ROWS,
	parseSample,
	type RowError,
	type SampleStrata
} from './sample-csv';

const strata: SampleStrata = {
	districts: [
		{ code: 'chuo', name: { ja: '中央', en: 'Chuo' } },
		{ code: 'kita', name: { ja: '北部', en: 'North' } },
		{ code: 'minami', name: { ja: '南部' } }
	],
	ageGroups: [
		{ code: '18-29', name: { ja: '18〜29歳' }, min_age: 18, max_age: 29 },
		{ code: '30-49', name: { ja: '30〜49歳' }, min_age: 30, max_age: 49 },
		{ code: '50-69', name: { ja: '50〜69歳' }, min_age: 50, max_age: 69 },
		{ code: '70+', name: { ja: '70歳以上' }, min_age: 70, max_age: null }
	]
};

const parse = (text: string) => parseSample(text, strata);
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const problems = (text: string) =>
	parse(text).errors.map(({ line, problem, column }) => ({ line, problem, column }));

describe('decoding an upload', () => {
	it('reads UTF-8 with or without a BOM', () => {
		const text = '地区,年齢\r\n中央,34\r\n';
		const utf8 = new TextEncoder().encode(text);
		expect(decodeCsv(utf8)).toBe(text);
		expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
	});

	it('falls back to Shift_JIS, as Excel saves it', () => {
		// 地区,年齢 CRLF 中央,34 CRLF, byte by byte in Shift_JIS
		const sjis = new Uint8Array([
			0x92, 0x6e, 0x8b, 0xe6, 0x2c, 0x94, 0x4e, 0x97, 0xee, 0x0d, 0x0a, 0x92, 0x86, 0x89, 0x9b,
			0x2c, 0x33, 0x34, 0x0d, 0x0a
		]);
		const text = decodeCsv(sjis);
		expect(text).toBe('地区,年齢\r\n中央,34\r\n');
		expect(parse(text)).toEqual({
			rows: [
				{
					line: 2,
					district: 'chuo',
					ageGroup: '30-49',
					name: null,
					postalCode: null,
					address: null
				}
			],
			errors: []
		});
	});
});

describe('a good sample file', () => {
	it('gives one row per resident with Japanese headers', () => {
		const text = csv(
			'通し番号,地区名,年齢,氏名,郵便番号,住所',
			'1,中央,34,山田 太郎,123-4567,市内1-2-3',
			'2,北部,70,,,',
			'3,minami,18,佐藤 花子,〒１２３－４５６７,市内4-5-6'
		);
		expect(parse(text)).toEqual({
			rows: [
				{
					line: 2,
					district: 'chuo',
					ageGroup: '30-49',
					name: '山田 太郎',
					postalCode: '123-4567',
					address: '市内1-2-3'
				},
				{
					line: 3,
					district: 'kita',
					ageGroup: '70+',
					name: null,
					postalCode: null,
					address: null
				},
				{
					line: 4,
					district: 'minami',
					ageGroup: '18-29',
					name: '佐藤 花子',
					postalCode: '〒123-4567',
					address: '市内4-5-6'
				}
			],
			errors: []
		});
	});

	it('reads English headers in any case, and names in English', () => {
		const text = csv(' District ,Age Group,NAME,Postcode,Address,memo', 'north,30-49,A,,B,x');
		const { rows, errors } = parse(text);
		expect(errors).toEqual([]);
		expect(rows).toMatchObject([{ district: 'kita', ageGroup: '30-49', name: 'A', address: 'B' }]);
	});

	it('takes the age group by code or Japanese name, also in full width', () => {
		const text = csv('地区,年齢区分', '中央,70歳以上', '中央,３０〜４９歳', 'CHUO,18-29');
		expect(parse(text).rows.map((r) => r.ageGroup)).toEqual(['70+', '30-49', '18-29']);
	});

	it('reads ages in full-width digits and with 歳', () => {
		const text = csv('地区,年齢', '中央,３４', '中央,34歳', '中央,５０ 歳', '中央,130');
		const { rows, errors } = parse(text);
		expect(errors).toEqual([]);
		expect(rows.map((r) => r.ageGroup)).toEqual(['30-49', '30-49', '50-69', '70+']);
	});

	it('accepts an age and an age group that agree', () => {
		expect(parse(csv('地区,年齢,年代', '中央,34,30-49')).errors).toEqual([]);
	});

	it('keeps quoted commas and line breaks, and counts physical lines', () => {
		const text = csv(
			'地区,年齢,氏名,住所',
			'中央,34,"山田, 太郎","市内1-2-3',
			'コーポ201"',
			'',
			'中央,34,佐藤,"市内',
			'',
			'4-5-6"',
			'不明,34,,'
		);
		const { rows, errors } = parse(text);
		expect(rows).toMatchObject([
			{ line: 2, name: '山田, 太郎', address: '市内1-2-3\r\nコーポ201' },
			{ line: 5, name: '佐藤', address: '市内\r\n\r\n4-5-6' }
		]);
		expect(errors).toEqual([{ line: 8, column: 'district', problem: 'district', value: '不明' }]);
	});

	it('counts lines the same with LF, CR and mixed line ends', () => {
		for (const end of ['\n', '\r', '\r\n']) {
			const text = ['地区,年齢,住所', '中央,34,"a\nb"', '', '不明,34,'].join(end);
			expect(problems(text)).toEqual([{ line: 5, problem: 'district', column: 'district' }]);
		}
	});

	it('skips empty lines and rows of empty cells', () => {
		const text = csv('', '地区,年齢', '', ',', '  ,  ', '中央,34');
		expect(parse(text)).toMatchObject({ rows: [{ line: 6 }], errors: [] });
	});

	it('ignores empty cells past the header', () => {
		expect(parse(csv('地区,年齢', '中央,34,,')).errors).toEqual([]);
	});

	it('measures lengths in characters, as the database does', () => {
		// 𠮷 is two UTF-16 units
		const text = csv('地区,年齢,氏名', `中央,34,${'𠮷'.repeat(100)}`);
		expect(parse(text).errors).toEqual([]);
	});

	it('takes up to 20,000 residents', () => {
		const text = csv('地区,年齢', ...Array<string>(MAX_ROWS).fill('中央,34'));
		const { rows, errors } = parse(text);
		expect(errors).toEqual([]);
		expect(rows).toHaveLength(MAX_ROWS);
		expect(rows.at(-1)?.line).toBe(MAX_ROWS + 1);
	});
});

describe('a bad sample file', () => {
	it('names each missing required column, and gives no rows', () => {
		expect(parse(csv('氏名,住所', 'a,b'))).toEqual({
			rows: [],
			errors: [
				{ line: 1, column: 'district', problem: 'columns' },
				{ line: 1, column: 'age', problem: 'columns' }
			]
		});
		expect(problems(csv('地区,氏名', '中央,a'))).toEqual([
			{ line: 1, column: 'age', problem: 'columns' }
		]);
	});

	it('is empty without data rows', () => {
		expect(problems('')).toEqual([{ line: 1, problem: 'empty', column: undefined }]);
		expect(problems(csv('地区,年齢', '', ',,'))).toEqual([
			{ line: 1, problem: 'empty', column: undefined }
		]);
	});

	it('is too long past 20,000 residents', () => {
		const text = csv('地区,年齢', ...Array<string>(MAX_ROWS + 1).fill('中央,34'));
		expect(parse(text)).toEqual({
			rows: [],
			errors: [{ line: MAX_ROWS + 2, problem: 'tooMany', value: String(MAX_ROWS + 1) }]
		});
	});

	it('reports unknown districts and ages outside every group', () => {
		const text = csv(
			'地区,年齢',
			'西部,34',
			'中央,17',
			'中央,131',
			'中央,abc',
			'中央,3.5',
			'中央,'
		);
		const expected: RowError[] = [
			{ line: 2, column: 'district', problem: 'district', value: '西部' },
			{ line: 3, column: 'age', problem: 'age', value: '17' },
			{ line: 4, column: 'age', problem: 'age', value: '131' },
			{ line: 5, column: 'age', problem: 'age', value: 'abc' },
			{ line: 6, column: 'age', problem: 'age', value: '3.5' },
			{ line: 7, column: 'age', problem: 'age', value: '' }
		];
		expect(parse(text)).toEqual({ rows: [], errors: expected });
	});

	it('reports unknown age groups, and ages that contradict theirs', () => {
		const text = csv('地区,年齢,年代', '中央,,20代', '中央,34,50-69', '中央,,');
		expect(parse(text).errors).toEqual([
			{ line: 2, column: 'ageGroup', problem: 'ageGroup', value: '20代' },
			{ line: 3, column: 'ageGroup', problem: 'ageGroup', value: '50-69' },
			{ line: 4, column: 'age', problem: 'age', value: '' }
		]);
		expect(parse(csv('地区,年代', '中央,')).errors).toEqual([
			{ line: 2, column: 'ageGroup', problem: 'ageGroup', value: '' }
		]);
	});

	it('reports a resident drawn twice, however spaced', () => {
		const text = csv(
			'地区,年齢,氏名,住所',
			'中央,34,山田 太郎,市内1-2-3',
			'中央,34,山田 太郎,市内4-5-6',
			'北部,50,山田　 太郎 ,市内１-２-３',
			'中央,34,,市内1-2-3',
			'中央,34,,市内1-2-3'
		);
		expect(parse(text)).toMatchObject({
			rows: [{ line: 2 }, { line: 3 }, { line: 5 }, { line: 6 }],
			errors: [{ line: 4, problem: 'duplicate', otherLine: 2 }]
		});
	});

	it('reports fields too long for the letters table', () => {
		const text = csv(
			'地区,年齢,氏名,郵便番号,住所',
			`中央,34,${'あ'.repeat(101)},,`,
			`中央,34,,12345678901,`,
			`中央,34,,,${'い'.repeat(301)}`
		);
		expect(problems(text)).toEqual([
			{ line: 2, problem: 'tooLong', column: 'name' },
			{ line: 3, problem: 'tooLong', column: 'postalCode' },
			{ line: 4, problem: 'tooLong', column: 'address' }
		]);
	});

	it('reports rows with cells missing or too many', () => {
		const text = csv('地区,年齢,住所', '中央,34', '中央,34,市内,1-2-3', '中央,34,市内');
		expect(parse(text)).toMatchObject({
			rows: [{ line: 4 }],
			errors: [
				{ line: 2, problem: 'columns' },
				{ line: 3, problem: 'columns' }
			]
		});
	});

	it('reports where a broken quote starts, and gives no rows', () => {
		const text = csv('地区,年齢,住所', '中央,34,市内', '', '中央,34,"市内', '中央,34,市内');
		expect(parse(text)).toEqual({ rows: [], errors: [{ line: 4, problem: 'columns' }] });
		expect(problems(csv('地区,年齢', '中央,"3"4'))).toEqual([
			{ line: 2, problem: 'columns', column: undefined }
		]);
	});

	it('collects every problem, up to 200', () => {
		const text = csv('地区,年齢', ...Array<string>(150).fill('西部,5'));
		const { errors } = parse(text);
		expect(errors).toHaveLength(MAX_ERRORS);
		expect(errors.slice(0, 2)).toEqual([
			{ line: 2, column: 'district', problem: 'district', value: '西部' },
			{ line: 2, column: 'age', problem: 'age', value: '5' }
		]);
	});
});
