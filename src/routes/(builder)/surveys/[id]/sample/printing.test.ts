import { describe, expect, it } from 'vitest';
import { letterRange, MAX_PRINT, sheets } from './printing';

const range = (query: string, last = 100) => letterRange(new URLSearchParams(query), last);

describe('the letters to print', () => {
	it('are all of them by default', () => {
		expect(range('')).toEqual({ from: 1, to: 100 });
		expect(range('from=&to=')).toEqual({ from: 1, to: 100 });
		expect(range('from=40')).toEqual({ from: 40, to: 100 });
		expect(range('to=7')).toEqual({ from: 1, to: 7 });
		expect(range('from= 3 &to= 9 ')).toEqual({ from: 3, to: 9 });
	});

	it('stop at MAX_PRINT letters when the end is not given', () => {
		expect(range('', 5000)).toEqual({ from: 1, to: MAX_PRINT });
		expect(range('from=2001', 5000)).toEqual({ from: 2001, to: 4000 });
	});

	it('are one letter when there are none yet, so the page says there is nothing', () => {
		expect(range('', 0)).toEqual({ from: 1, to: 1 });
		expect(range('from=9', 3)).toEqual({ from: 9, to: 9 });
	});

	it('may go past the last letter', () => {
		expect(range('from=90&to=120')).toEqual({ from: 90, to: 120 });
	});

	it('are refused when the numbers make no sense', () => {
		for (const query of [
			'from=0',
			'from=-1',
			'from=1.5',
			'from=abc',
			'from=1e3',
			'to=0',
			'from=10&to=9',
			'from=1000001',
			'from=99999999',
			`from=1&to=${MAX_PRINT + 1}`
		]) {
			expect(range(query), query).toBeNull();
		}
		expect(range(`from=1&to=${MAX_PRINT}`)).toEqual({ from: 1, to: MAX_PRINT });
	});
});

describe('sheets of labels', () => {
	it('hold perSheet items each, the last one the rest', () => {
		const items = Array.from({ length: 25 }, (_, i) => i + 1);
		const result = sheets(items, 12);
		expect(result.map((s) => s.length)).toEqual([12, 12, 1]);
		expect(result.flat()).toEqual(items);
	});

	it('are none for no items, and one for exactly a sheet', () => {
		expect(sheets([], 12)).toEqual([]);
		expect(sheets(Array<number>(12).fill(0), 12)).toHaveLength(1);
	});

	it('need a whole, positive size', () => {
		expect(() => sheets([1], 0)).toThrow();
		expect(() => sheets([1], 1.5)).toThrow();
	});
});
