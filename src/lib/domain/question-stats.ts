/**
 * Summaries per question type, from rollups: the mean of a rating, Borda scores
 * of a ranking, and the histogram, mean and median of a number question.
 * Documented in docs/analysis.md.
 */
import type { Count } from './tables';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The mean point of a rating over the people who answered it; null when nobody did. */
export function ratingMean(counts: Count[], questionKey: string): number | null {
	const rows = counts.filter((c) => c.question_key === questionKey && c.item === '' && c.choice);
	const n = sum(rows.map((c) => c.n));
	return n > 0 ? sum(rows.map((c) => Number(c.choice) * c.n)) / n : null;
}

export interface RankingScore {
	option: string;
	/** Borda points: rank r of the top N gives N − r + 1 */
	points: number;
	/** points per respondent who ranked, 0…N */
	mean: number;
	/** how often the option was ranked at all */
	ranked: number;
}

/**
 * Borda scores of a ranking question (answers stored with item = the rank '1'…'N',
 * choice = the option): first place of the top N earns N points, the last 1, an
 * option not ranked 0. Sorted by points, highest first; ties keep option order.
 */
export function rankingScores(
	counts: Count[],
	questionKey: string,
	options: string[],
	top: number
) {
	const mine = counts.filter((c) => c.question_key === questionKey);
	// Everyone who ranks fills rank 1, so its '' row is the number who answered.
	const respondents = mine.find((c) => c.item === '1' && c.choice === '')?.n ?? 0;
	const scores: RankingScore[] = options.map((option) => {
		const at = (rank: number) =>
			mine.find((c) => c.item === String(rank) && c.choice === option)?.n ?? 0;
		const ranks = Array.from({ length: top }, (_, i) => i + 1);
		const points = sum(ranks.map((r) => (top - r + 1) * at(r)));
		return {
			option,
			points,
			mean: respondents > 0 ? points / respondents : 0,
			ranked: sum(ranks.map(at))
		};
	});
	return { respondents, scores: scores.sort((a, b) => b.points - a.points) };
}

/** A number question's answers: each distinct value and how many gave it; value null = hidden. */
export interface ValueCount {
	value: number | null;
	n: number;
}

export interface Bin {
	/** lower edge, inclusive */
	from: number;
	/** upper edge, exclusive */
	to: number;
	n: number;
}

export interface NumberSummary {
	/** answers with a shown value */
	n: number;
	/** answers whose value is hidden (rare values, for callers without raw-data rights) */
	hidden: number;
	mean: number | null;
	median: number | null;
	min: number | null;
	max: number | null;
	bins: Bin[];
}

/** The median of a frequency table sorted by value: the middle value, or the mean of the two middle ones. */
function median(values: { value: number; n: number }[], n: number): number | null {
	if (n === 0) return null;
	const at = (position: number) => {
		let seen = 0;
		for (const v of values) {
			seen += v.n;
			if (seen > position) return v.value;
		}
		return values[values.length - 1].value;
	};
	return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Bin edges at a "nice" width (1, 2 or 5 × a power of ten) giving about `target` bins. */
function binWidth(min: number, max: number, target: number, integer: boolean): number {
	const raw = (max - min) / target;
	// all values (nearly) equal: one bin of width 1 holds them
	if (!(raw > 1e-9)) return 1;
	const power = 10 ** Math.floor(Math.log10(raw));
	const nice = [1, 2, 5, 10].map((m) => m * power).find((w) => w >= raw) ?? 10 * power;
	return integer ? Math.max(1, Math.round(nice)) : nice;
}

/** Mean, median and a histogram of about `target` bins, from the distribution alone. */
export function numberSummary(
	distribution: ValueCount[],
	options: { integer?: boolean; target?: number } = {}
): NumberSummary {
	const shown = distribution
		.filter((d): d is { value: number; n: number } => d.value !== null && d.n > 0)
		.map((d) => ({ value: Number(d.value), n: d.n }))
		.sort((a, b) => a.value - b.value);
	const hidden = sum(distribution.filter((d) => d.value === null).map((d) => d.n));
	const n = sum(shown.map((d) => d.n));
	if (n === 0) {
		return { n, hidden, mean: null, median: null, min: null, max: null, bins: [] };
	}
	const min = shown[0].value;
	const max = shown[shown.length - 1].value;
	const width = binWidth(min, max, options.target ?? 10, options.integer ?? false);
	const start = Math.floor(min / width) * width;
	const count = Math.max(1, Math.floor((max - start) / width) + 1);
	const bins: Bin[] = Array.from({ length: count }, (_, i) => ({
		from: start + i * width,
		to: start + (i + 1) * width,
		n: 0
	}));
	for (const d of shown) {
		bins[Math.max(0, Math.min(count - 1, Math.floor((d.value - start) / width)))].n += d.n;
	}
	return {
		n,
		hidden,
		mean: sum(shown.map((d) => d.value * d.n)) / n,
		median: median(shown, n),
		min,
		max,
		bins
	};
}
