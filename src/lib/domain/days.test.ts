import { describe, expect, it } from 'vitest';
import { formatDay, periodDays } from './days';

describe('days', () => {
	it('formats a day in Japanese and English', () => {
		expect(formatDay('2027-01-05', 'ja')).toBe('2027年1月5日');
		expect(formatDay('2027-01-05', 'en')).toBe('January 5, 2027');
	});

	it('counts both ends of a period', () => {
		expect(periodDays('2027-01-01', '2027-01-30')).toBe(30);
		expect(periodDays('2027-01-01', '2027-01-01')).toBe(1);
	});
});
