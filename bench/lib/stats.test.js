import { describe as group, expect, it } from 'vitest';
import { describe, percentile, summarize } from './stats.js';

group('percentile', () => {
	const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

	it('takes the nearest rank', () => {
		expect(percentile(hundred, 50)).toBe(50);
		expect(percentile(hundred, 99)).toBe(99);
		expect(percentile(hundred, 100)).toBe(100);
		expect(percentile([1, 2, 3], 50)).toBe(2);
		expect(percentile([7], 99)).toBe(7);
	});

	it('rounds the rank up, so a small sample reports its slow end', () => {
		expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
	});

	it('refuses nothing to measure and percentiles out of range', () => {
		expect(() => percentile([], 50)).toThrow();
		expect(() => percentile([1], 0)).toThrow();
		expect(() => percentile([1], 101)).toThrow();
	});
});

group('summarize', () => {
	it('sorts a copy and rounds to 0.1 ms', () => {
		const samples = [3.14159, 1, 2, 10.06];
		const summary = summarize(samples);
		expect(summary).toEqual({ count: 4, p50: 2, p95: 10.1, p99: 10.1, max: 10.1, mean: 4.1 });
		expect(samples).toEqual([3.14159, 1, 2, 10.06]);
		expect(describe(summary)).toBe('p50 2 ms, p95 10.1 ms, p99 10.1 ms, max 10.1 ms (n = 4)');
	});
});
