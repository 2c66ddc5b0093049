/**
 * Response rates against the mailed sample (回収率): codes used ÷ codes mailed,
 * per district × age group, with the margins. A cell hidden by small-cell
 * suppression (responded null) hides the margins it is part of, since they
 * would give it away.
 */

export interface RateCell {
	sampled: number;
	/** null: hidden */
	responded: number | null;
	web: number | null;
	paper: number | null;
}

export interface RateInput extends RateCell {
	district: string;
	age_group: string;
}

export interface RateTable {
	districts: string[];
	ageGroups: string[];
	/** cells[d][a]; a stratum without codes is absent */
	cells: Record<string, Record<string, RateCell>>;
	rowTotals: Record<string, RateCell>;
	columnTotals: Record<string, RateCell>;
	total: RateCell;
}

const empty = (): RateCell => ({ sampled: 0, responded: 0, web: 0, paper: 0 });

function add(sum: RateCell, cell: RateCell): RateCell {
	const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
	return {
		sampled: sum.sampled + cell.sampled,
		responded: plus(sum.responded, cell.responded),
		web: plus(sum.web, cell.web),
		paper: plus(sum.paper, cell.paper)
	};
}

/** The table, with districts and age groups in the given display order (unknown codes last). */
export function rateTable(
	rows: RateInput[],
	districtOrder: string[],
	ageOrder: string[]
): RateTable {
	const ordered = (codes: string[], order: string[]) => {
		const known = order.filter((c) => codes.includes(c));
		return [...known, ...codes.filter((c) => !order.includes(c)).sort()];
	};
	const districts = ordered([...new Set(rows.map((r) => r.district))], districtOrder);
	const ageGroups = ordered([...new Set(rows.map((r) => r.age_group))], ageOrder);
	const cells: RateTable['cells'] = {};
	const rowTotals: RateTable['rowTotals'] = {};
	const columnTotals: RateTable['columnTotals'] = {};
	let total = empty();
	for (const r of rows) {
		const cell = { sampled: r.sampled, responded: r.responded, web: r.web, paper: r.paper };
		(cells[r.district] ??= {})[r.age_group] = cell;
		rowTotals[r.district] = add(rowTotals[r.district] ?? empty(), cell);
		columnTotals[r.age_group] = add(columnTotals[r.age_group] ?? empty(), cell);
		total = add(total, cell);
	}
	return { districts, ageGroups, cells, rowTotals, columnTotals, total };
}

/** The rate in percent with one decimal, or null when hidden or nothing was mailed. */
export function ratePercent(cell: RateCell | undefined): number | null {
	if (!cell || cell.responded === null || cell.sampled === 0) return null;
	return Math.round((cell.responded / cell.sampled) * 1000) / 10;
}
