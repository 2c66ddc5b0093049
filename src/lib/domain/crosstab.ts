/** A closed question's answers by district × age group, from rollups. */
import { percent } from './tables';

export interface StratumCell {
	district: string;
	age_group: string;
	item: string;
	choice: string;
	n: number;
}
export interface StratumTotal {
	district: string;
	age_group: string;
	n: number;
}
export interface Labelled {
	code: string;
	label: string;
}

export interface CrosstabRow {
	district: Labelled;
	/** null on a district's subtotal row */
	ageGroup: Labelled | null;
	base: number;
	cells: { choice: string; n: number; percent: number }[];
	noAnswer: number;
}

/**
 * Rows for each district × age group, each district followed by its subtotal,
 * and a grand total last. Row percentages use the stratum's respondents as base.
 */
export function crosstab(
	cells: StratumCell[],
	totals: StratumTotal[],
	item: string,
	choices: string[],
	districts: Labelled[],
	ageGroups: Labelled[],
	labels: { total: string; unknown: string }
): CrosstabRow[] {
	const inItem = cells.filter((c) => c.item === item);
	const sum = <T extends { n: number }>(rows: T[]) => rows.reduce((acc, r) => acc + r.n, 0);
	const row = (
		district: Labelled,
		ageGroup: Labelled | null,
		match: (s: { district: string; age_group: string }) => boolean
	): CrosstabRow => {
		const base = sum(totals.filter(match));
		const answered = sum(inItem.filter((c) => c.choice === '' && match(c)));
		return {
			district,
			ageGroup,
			base,
			noAnswer: Math.max(base - answered, 0),
			cells: choices.map((choice) => {
				const n = sum(inItem.filter((c) => c.choice === choice && match(c)));
				return { choice, n, percent: percent(n, base) };
			})
		};
	};
	const knownDistricts = [...districts];
	if (totals.some((t) => !districts.some((d) => d.code === t.district))) {
		knownDistricts.push({ code: '', label: labels.unknown });
	}
	const knownAges = [...ageGroups];
	if (totals.some((t) => !ageGroups.some((a) => a.code === t.age_group))) {
		knownAges.push({ code: '', label: labels.unknown });
	}
	const inDistrict = (d: Labelled) => (s: { district: string }) =>
		d.code === '' ? !districts.some((x) => x.code === s.district) : s.district === d.code;
	const inAge = (a: Labelled) => (s: { age_group: string }) =>
		a.code === '' ? !ageGroups.some((x) => x.code === s.age_group) : s.age_group === a.code;

	const rows = knownDistricts.flatMap((d) => [
		...knownAges.map((a) => row(d, a, (s) => inDistrict(d)(s) && inAge(a)(s))),
		row(d, null, inDistrict(d))
	]);
	rows.push(row({ code: '*', label: labels.total }, null, () => true));
	return rows;
}
