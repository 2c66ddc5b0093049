// Percentiles and summaries of latency samples, the same way in every suite.

/**
 * The nearest-rank percentile: the smallest sample that at least `p` % of the
 * samples do not exceed (so p99 of 100 samples is the 99th smallest).
 * @param {number[]} sorted samples in ascending order
 * @param {number} p 0 < p ≤ 100
 */
export function percentile(sorted, p) {
	if (sorted.length === 0) throw new Error('no samples');
	if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], not ${p}`);
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** @param {number} value rounded to one decimal, as the bench reports milliseconds */
export const round1 = (value) => Math.round(value * 10) / 10;

/**
 * @typedef {{ count: number, p50: number, p95: number, p99: number, max: number, mean: number }} Summary
 */

/**
 * @param {number[]} samples in any order (not changed)
 * @returns {Summary} each figure rounded to 0.1
 */
export function summarize(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
	return {
		count: sorted.length,
		p50: round1(percentile(sorted, 50)),
		p95: round1(percentile(sorted, 95)),
		p99: round1(percentile(sorted, 99)),
		max: round1(sorted[sorted.length - 1]),
		mean: round1(mean)
	};
}

/** @param {Summary} s "p50 12.3 ms, p95 …" for the notes */
export const describe = (s) =>
	`p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${s.p99} ms, max ${s.max} ms (n = ${s.count.toLocaleString('en-US')})`;
