import { describe, expect, it } from 'vitest';
import { contentProblem, MAX_FILE_BYTES, sampleStrata, uploadProblem } from './import-file';

const file = (name: string, type = '', size = 10) =>
	new File([new Uint8Array(size).fill(0x41)], name, { type });

describe('an uploaded sample file', () => {
	it('is a CSV file as browsers describe it', () => {
		expect(uploadProblem(file('sample.csv', 'text/csv'))).toBeNull();
		expect(uploadProblem(file('標本.CSV', 'application/vnd.ms-excel'))).toBeNull();
		expect(uploadProblem(file('sample.txt', 'text/plain'))).toBeNull();
		expect(uploadProblem(file('sample', ''))).toBeNull();
		expect(uploadProblem(file('sample', 'text/csv; charset=utf-8'))).toBeNull();
	});

	it('must be there and not empty', () => {
		expect(uploadProblem(null)).toBe('noFile');
		expect(uploadProblem('sample.csv')).toBe('noFile');
		expect(uploadProblem(file('sample.csv', 'text/csv', 0))).toBe('noFile');
	});

	it('must be at most 5 MB', () => {
		expect(uploadProblem(file('sample.csv', 'text/csv', MAX_FILE_BYTES))).toBeNull();
		expect(uploadProblem(file('sample.csv', 'text/csv', MAX_FILE_BYTES + 1))).toBe('tooLarge');
	});

	it('is not a workbook, a PDF or an image', () => {
		expect(uploadProblem(file('sample.xlsx'))).toBe('spreadsheet');
		expect(uploadProblem(file('sample.xls', 'application/vnd.ms-excel'))).toBe('spreadsheet');
		expect(uploadProblem(file('sample.pdf', 'application/pdf'))).toBe('notCsv');
		expect(uploadProblem(file('photo.png', 'image/png'))).toBe('notCsv');
	});

	it('holds text, not a workbook renamed or UTF-16', () => {
		const text = new TextEncoder().encode('地区,年齢\n中央,34\n');
		expect(contentProblem(text)).toBeNull();
		expect(contentProblem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('spreadsheet');
		expect(contentProblem(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toBe('spreadsheet');
		expect(contentProblem(new Uint8Array([0xff, 0xfe, 0x30, 0x57]))).toBeNull();
		expect(contentProblem(new Uint8Array([0xff, 0xfe, 0x30, 0x57, 0x3a, 0x53, 0x2c, 0x00]))).toBe(
			'notCsv'
		);
	});
});

describe('the strata a sample file is checked against', () => {
	it('give the age groups their names and ages', () => {
		const strata = sampleStrata(
			{
				districts: [{ code: 'omine', name: { ja: '大嶺', en: 'Omine' } }],
				ageGroups: [{ code: 'age30s', name: { ja: '30代', en: '30s' } }]
			},
			[
				{ code: 'age30s', min_age: 30, max_age: 39 },
				{ code: 'age70plus', min_age: 70, max_age: null }
			]
		);
		expect(strata).toEqual({
			districts: [{ code: 'omine', name: { ja: '大嶺', en: 'Omine' } }],
			ageGroups: [
				{ code: 'age30s', name: { ja: '30代', en: '30s' }, min_age: 30, max_age: 39 },
				{ code: 'age70plus', name: { ja: 'age70plus' }, min_age: 70, max_age: null }
			]
		});
	});
});
