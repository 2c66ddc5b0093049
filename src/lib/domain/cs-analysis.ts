/**
 * CS analysis (満足度・重要度分析) of a dual matrix, from its cross-tab cells.
 *
 * Scoring, per row (施策) and dimension, over the people who answered that cell:
 *
 * - `mean`: the mean score on −2…+2. The scale is listed from high to low, so its
 *   first option scores +2 and its last −2, evenly spaced between: option i of L
 *   scores 2 − 4i/(L − 1). On five points that is +2, +1, 0, −1, −2.
 * - `net`: 満足率 − 不満率 (for importance 重要率 − 非重要率) in percentage points:
 *   the share choosing one of the top two options minus the share choosing one of
 *   the bottom two. Scales shorter than four points use the top and bottom one, so
 *   the two ends never overlap.
 *
 * Quadrants split at the mean over rows of each axis (rows nobody answered left
 * out), the usual CS portfolio; a score equal to the mean counts as high.
 *
 * Cells hidden by small-cell suppression (n null) cannot be counted; the rows
 * they belong to are flagged `hidden` so the reader knows the scores omit them.
 */

export type Scoring = 'mean' | 'net';
export const SCORINGS: Scoring[] = ['mean', 'net'];

export type Quadrant = 'priorityImprove' | 'improve' | 'priorityMaintain' | 'maintain';

export interface DimensionScore {
	/** people who answered this row's cell for the dimension */
	n: number;
	/** −2…+2; null when nobody answered */
	mean: number | null;
	/** percentage points, −100…+100; null when nobody answered */
	net: number | null;
}

/** A cross-tab cell; n is null when small-cell suppression hid it. */
export interface CsCell {
	district: string;
	age_group: string;
	item: string;
	choice: string;
	n: number | null;
}

export interface CsRow {
	row: string;
	/** some of this row's cells were hidden by suppression and are not counted */
	hidden: boolean;
	satisfaction: DimensionScore;
	importance: DimensionScore;
	/** null when a dimension has no answers */
	quadrant: Quadrant | null;
}

export interface CsAnalysis {
	scoring: Scoring;
	rows: CsRow[];
	/** where the quadrants split: the mean over rows of the chosen score */
	split: { satisfaction: number | null; importance: number | null };
}

interface Keyed {
	key: string;
}
export interface DualMatrix {
	rows: Keyed[];
	dimensions: Keyed[];
	scale: Keyed[];
}

export interface CsFilter {
	scoring: Scoring;
	/** a district code; '' or absent for all */
	district?: string;
	/** an age-group code; '' or absent for all */
	ageGroup?: string;
}

/** The keys of the satisfaction and importance dimensions, by name or else by order. */
export function csDimensions(q: { dimensions: Keyed[] }): [string, string] | null {
	if (q.dimensions.length !== 2) return null;
	const keys = q.dimensions.map((d) => d.key);
	if (keys.includes('satisfaction') && keys.includes('importance')) {
		return ['satisfaction', 'importance'];
	}
	return [keys[0], keys[1]];
}

/** Score of option i of a scale of `length`, from +2 (first) to −2 (last). */
export const pointScore = (i: number, length: number) => 2 - (4 * i) / (length - 1);

export function dimensionScore(counts: number[]): DimensionScore {
	const n = counts.reduce((sum, c) => sum + c, 0);
	if (n === 0) return { n, mean: null, net: null };
	const ends = Math.min(2, Math.floor(counts.length / 2));
	const share = (part: number[]) => part.reduce((sum, c) => sum + c, 0) / n;
	const weighted = counts.reduce((sum, c, i) => sum + c * pointScore(i, counts.length), 0);
	return {
		n,
		mean: weighted / n,
		net: 100 * (share(counts.slice(0, ends)) - share(counts.slice(-ends)))
	};
}

const average = (values: number[]) =>
	values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;

function quadrantOf(
	satisfaction: number,
	importance: number,
	split: CsAnalysis['split']
): Quadrant {
	const satisfied = satisfaction >= (split.satisfaction ?? 0);
	const important = importance >= (split.importance ?? 0);
	if (important) return satisfied ? 'priorityMaintain' : 'priorityImprove';
	return satisfied ? 'maintain' : 'improve';
}

/** Scores and quadrants per row of a dual matrix; null for anything else. */
export function csAnalysis(cells: CsCell[], q: DualMatrix, filter: CsFilter): CsAnalysis | null {
	const dims = csDimensions(q);
	if (!dims) return null;
	const counts = new Map<string, number>();
	const hidden = new Set<string>();
	for (const c of cells) {
		if (filter.district && c.district !== filter.district) continue;
		if (filter.ageGroup && c.age_group !== filter.ageGroup) continue;
		if (c.n === null) {
			hidden.add(c.item.split('/')[0]);
			continue;
		}
		const key = `${c.item}|${c.choice}`;
		counts.set(key, (counts.get(key) ?? 0) + c.n);
	}
	const score = (row: string, dim: string) =>
		dimensionScore(q.scale.map((s) => counts.get(`${row}/${dim}|${s.key}`) ?? 0));
	const scored = q.rows.map((r) => ({
		row: r.key,
		hidden: hidden.has(r.key),
		satisfaction: score(r.key, dims[0]),
		importance: score(r.key, dims[1])
	}));
	const pick = (d: DimensionScore) => d[filter.scoring];
	const split = {
		satisfaction: average(scored.flatMap((r) => pick(r.satisfaction) ?? [])),
		importance: average(scored.flatMap((r) => pick(r.importance) ?? []))
	};
	const rows = scored.map((r) => {
		const x = pick(r.satisfaction);
		const y = pick(r.importance);
		return { ...r, quadrant: x === null || y === null ? null : quadrantOf(x, y, split) };
	});
	return { scoring: filter.scoring, rows, split };
}
