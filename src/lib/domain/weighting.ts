/**
 * Post-stratification weights by district × age group, weighted percentages and
 * 95 % margins of error. Pure, so the dashboard, exports and tests share it; the
 * method is documented in docs/analysis.md.
 *
 * A stratum s has a population P_s and n_s respondents. Over the covered strata
 * (both P_s > 0 and n_s > 0) every respondent of s gets the weight
 *
 *     w_s = (P_s / P) / (n_s / n)      P = Σ P_s, n = Σ n_s over covered strata
 *
 * so the weighted shares of the strata equal their population shares and the
 * weights sum to n. Respondents of a stratum without a population figure get no
 * weight (they are left out of the weighted figures and counted); population of a
 * stratum without respondents cannot be represented, so the covered strata stand
 * for it in proportion (it is reported as uncovered).
 */

export const Z95 = 1.96;

export interface PopulationCell {
	district: string;
	age_group: string;
	population: number;
}
/** Respondents per stratum; n is null where small-cell suppression hid it. */
export interface StratumTotal {
	district: string;
	age_group: string;
	n: number | null;
}
/** A cross-tab cell of one question; n is null where suppression hid it. */
export interface StratumChoice {
	district: string;
	age_group: string;
	item: string;
	choice: string;
	n: number | null;
}

export interface WeightedStratum {
	district: string;
	age_group: string;
	population: number;
	respondents: number;
	weight: number;
}

export interface WeightPlan {
	strata: WeightedStratum[];
	/** respondents in strata with no population figure: not in the weighted figures */
	leftOutRespondents: number;
	/** population of strata with no (visible) respondents: represented by the others */
	uncoveredPopulation: number;
	/** all population entered (covered or not) */
	totalPopulation: number;
	/** strata whose respondent count is hidden by suppression, left out */
	hiddenStrata: number;
	/** Kish's effective sample size of the covered respondents */
	effectiveSize: number;
}

const stratumKey = (s: { district: string; age_group: string }) =>
	`${s.district}\u0000${s.age_group}`;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Kish's effective sample size (Σw)² / Σw² for groups of n respondents sharing a weight w. */
export function effectiveSize(groups: { weight: number; n: number }[]): number {
	const sw = sum(groups.map((g) => g.weight * g.n));
	const sw2 = sum(groups.map((g) => g.weight * g.weight * g.n));
	return sw2 > 0 ? (sw * sw) / sw2 : 0;
}

/** 95 % margin of error of a proportion p (0–1) from an (effective) sample of n, as a proportion. */
export function marginOfError(p: number, n: number): number {
	if (!(n > 0)) return 0;
	const q = Math.min(Math.max(p, 0), 1);
	return Z95 * Math.sqrt((q * (1 - q)) / n);
}

/** Post-stratification weights of the strata the caller can see. */
export function postStratify(population: PopulationCell[], strata: StratumTotal[]): WeightPlan {
	const counts = new Map<string, number>();
	let hiddenStrata = 0;
	for (const s of strata) {
		if (s.n === null) hiddenStrata++;
		else counts.set(stratumKey(s), (counts.get(stratumKey(s)) ?? 0) + s.n);
	}
	const people = new Map<string, PopulationCell>();
	for (const p of population) {
		if (p.population > 0) people.set(stratumKey(p), p);
	}
	const covered = [...people.values()]
		.map((p) => ({ ...p, respondents: counts.get(stratumKey(p)) ?? 0 }))
		.filter((p) => p.respondents > 0);
	const coveredPopulation = sum(covered.map((p) => p.population));
	const n = sum(covered.map((p) => p.respondents));
	const weighted = covered.map((p) => ({
		district: p.district,
		age_group: p.age_group,
		population: p.population,
		respondents: p.respondents,
		weight: p.population / coveredPopulation / (p.respondents / n)
	}));
	const totalPopulation = sum([...people.values()].map((p) => p.population));
	return {
		strata: weighted,
		leftOutRespondents: sum([...counts.values()]) - n,
		uncoveredPopulation: totalPopulation - coveredPopulation,
		totalPopulation,
		hiddenStrata,
		effectiveSize: effectiveSize(weighted.map((s) => ({ weight: s.weight, n: s.respondents })))
	};
}

export interface WeightedRow {
	choice: string;
	/** weighted share of respondents, 0–100 */
	percent: number;
	/** 95 % margin of error in percentage points, from Kish's effective sample size */
	moe: number;
}

export interface WeightedTable {
	rows: WeightedRow[];
	plan: WeightPlan;
	/** strata left out of this item because one of their cells is hidden */
	hiddenInItem: number;
}

/**
 * Weighted percentages of one item's choices, of respondents (the same base as
 * the unweighted table). Strata with a hidden total, or a hidden cell in this
 * item, are left out and the weights are recomputed over the rest: weighting
 * uses only what the caller may see.
 */
export function weightedTable(
	population: PopulationCell[],
	strata: StratumTotal[],
	cells: StratumChoice[],
	item: string,
	choices: string[]
): WeightedTable {
	const inItem = cells.filter(
		(c) => c.item === item && (c.choice === '' || choices.includes(c.choice))
	);
	const hidden = new Set(inItem.filter((c) => c.n === null).map(stratumKey));
	const visible = strata.filter((s) => s.n === null || !hidden.has(stratumKey(s)));
	const plan = postStratify(population, visible);
	const weightOf = new Map(plan.strata.map((s) => [stratumKey(s), s.weight]));
	const base = sum(plan.strata.map((s) => s.weight * s.respondents));
	const rows = choices.map((choice) => {
		const weighted = sum(
			inItem
				.filter((c) => c.choice === choice)
				.map((c) => (weightOf.get(stratumKey(c)) ?? 0) * (c.n ?? 0))
		);
		const p = base > 0 ? weighted / base : 0;
		return { choice, percent: 100 * p, moe: 100 * marginOfError(p, plan.effectiveSize) };
	});
	return { rows, plan, hiddenInItem: strata.filter((s) => hidden.has(stratumKey(s))).length };
}
