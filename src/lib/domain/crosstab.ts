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
/** As read by a caller without raw-data rights: n is null where small-cell suppression hid it. */
export type Suppressible<T extends { n: number }> = Omit<T, 'n'> & { n: number | null };
export interface Labelled {
	code: string;
	label: string;
}

/** Counts are null where hidden, and so is any sum or percentage a hidden count enters. */
export interface CrosstabRow {
	district: Labelled;
	/** null on a district's subtotal row */
	ageGroup: Labelled | null;
	base: number | null;
	cells: { choice: string; n: number | null; percent: number | null }[];
	noAnswer: number | null;
}

/** The sum, or null when a hidden count is among the terms (it would reveal it). */
const sumShown = (rows: { n: number | null }[]) =>
	rows.reduce<number | null>((acc, r) => (acc === null || r.n === null ? null : acc + r.n), 0);

/**
 * Rows for each district × age group, each district followed by its subtotal,
 * and a grand total last. Row percentages use the stratum's respondents as base.
 */
export function crosstab(
	cells: Suppressible<StratumCell>[],
	totals: Suppressible<StratumTotal>[],
	item: string,
	choices: string[],
	districts: Labelled[],
	ageGroups: Labelled[],
	labels: { total: string; unknown: string }
): CrosstabRow[] {
	const inItem = cells.filter((c) => c.item === item);
	const row = (
		district: Labelled,
		ageGroup: Labelled | null,
		match: (s: { district: string; age_group: string }) => boolean
	): CrosstabRow => {
		const base = sumShown(totals.filter(match));
		const answered = sumShown(inItem.filter((c) => c.choice === '' && match(c)));
		return {
			district,
			ageGroup,
			base,
			noAnswer: base === null || answered === null ? null : Math.max(base - answered, 0),
			cells: choices.map((choice) => {
				const n = sumShown(inItem.filter((c) => c.choice === choice && match(c)));
				return { choice, n, percent: n === null || base === null ? null : percent(n, base) };
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

/** Whether any figure of the table is hidden (the table then needs its legend). */
export const anyHidden = (rows: CrosstabRow[]) =>
	rows.some((r) => r.base === null || r.noAnswer === null || r.cells.some((c) => c.n === null));
