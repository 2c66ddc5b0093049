/**
 * A closed question by a breakdown (a breakdown question, the district or the age
 * group), as read from `results_breakdown` (supabase/migrations/20261202000600_breakdowns.sql):
 * counts, row % and column %, 無回答, and 全体. Pure, so tests pin the arithmetic.
 */
import type { Labelled } from './crosstab';
import { percent } from './tables';

/** One cell as SQL returns it; see the migration for the encoding. */
export interface BreakdownCell {
	/** the group (option key or stratum code, '' = 無回答 / unknown); null = 全体 */
	grp: string | null;
	/** null = the base (responses in the group); '' = 無回答 of the item; else an option */
	choice: string | null;
	/** null: hidden by small-cell suppression */
	n: number | null;
}

export interface BreakdownFilter {
	district: string | null;
	ageGroup: string | null;
	source: 'web' | 'paper' | null;
	/** YYYY-MM-DD, inclusive */
	from: string | null;
	to: string | null;
}

/** What SQL calls the strata when they are the breakdown. */
export const STRATUM_BREAKDOWN = { district: '#district', ageGroup: '#age_group' } as const;

export interface BreakdownFigure {
	n: number | null;
	/** share of the row's base, 0–100 */
	rowPercent: number | null;
	/** share of the column's 全体, 0–100 */
	columnPercent: number | null;
}

export interface BreakdownRow {
	/** null on the 全体 row */
	group: Labelled | null;
	base: BreakdownFigure;
	cells: (BreakdownFigure & { choice: string })[];
	noAnswer: BreakdownFigure;
}

const share = (n: number | null, of: number | null) =>
	n === null || of === null ? null : percent(n, of);

/**
 * Rows for the groups in the given order (then any other group the counts name,
 * '' labelled `unknown`), and 全体 last. Missing cells are zeros; hidden cells,
 * and every percentage they enter, are null.
 */
export function breakdownTable(
	cells: BreakdownCell[],
	choices: string[],
	groups: Labelled[],
	unknown: string
): BreakdownRow[] {
	const n = (grp: string | null, choice: string | null) => {
		const cell = cells.find((c) => c.grp === grp && c.choice === choice);
		return cell ? cell.n : 0;
	};
	const extra = [...new Set(cells.map((c) => c.grp))]
		.filter((g): g is string => g !== null && !groups.some((x) => x.code === g))
		.sort()
		.map((code) => ({ code, label: code === '' ? unknown : code }));
	const row = (group: Labelled | null): BreakdownRow => {
		const grp = group ? group.code : null;
		const figure = (choice: string | null): BreakdownFigure => {
			const count = n(grp, choice);
			return {
				n: count,
				rowPercent: share(count, n(grp, null)),
				columnPercent: share(count, n(null, choice))
			};
		};
		return {
			group,
			base: figure(null),
			cells: choices.map((choice) => ({ choice, ...figure(choice) })),
			noAnswer: figure('')
		};
	};
	return [...groups, ...extra].map(row).concat(row(null));
}
