/**
 * Small-cell suppression of a rows × columns table of counts, for readers who
 * know every row and column total. The database applies it in SQL
 * (supabase/migrations/20261124001200_suppression.sql); this mirror documents
 * the algorithm and lets tests check the SQL cell for cell.
 *
 * 1. Primary: hide every cell with 0 < n < k.
 * 2. Secondary, until a pass changes nothing: for each row in order, then each
 *    column in order, if that line has exactly one hidden cell, also hide its
 *    smallest non-zero shown cell, or when it has none its first shown cell (a
 *    zero). Ties go to the first cell.
 *
 * Afterwards every line has no hidden cell or at least two (a line of a single
 * cell excepted: there is nothing to pair it with).
 */
export function suppress(counts: number[][], k: number): boolean[][] {
	const rows = counts.length;
	const cols = counts[0]?.length ?? 0;
	const hidden = counts.map((row) => row.map((n) => n > 0 && n < k));
	const line = (dir: number, i: number, pos: number): [number, number] =>
		dir === 0 ? [i, pos] : [pos, i];
	let changed = true;
	while (changed) {
		changed = false;
		for (const dir of [0, 1]) {
			for (let i = 0; i < (dir === 0 ? rows : cols); i++) {
				let count = 0;
				let best: [number, number] | null = null;
				for (let pos = 0; pos < (dir === 0 ? cols : rows); pos++) {
					const [r, c] = line(dir, i, pos);
					const n = counts[r][c];
					if (hidden[r][c]) {
						count++;
						continue;
					}
					const b = best ? counts[best[0]][best[1]] : 0;
					if (!best || (b === 0 && n > 0) || ((b === 0) === (n === 0) && n < b)) {
						best = [r, c];
					}
				}
				if (count === 1 && best) {
					hidden[best[0]][best[1]] = true;
					changed = true;
				}
			}
		}
	}
	return hidden;
}

/** The counts a reader without raw rights sees: null where hidden. */
export function suppressed(counts: number[][], k: number): (number | null)[][] {
	const hidden = suppress(counts, k);
	return counts.map((row, r) => row.map((n, c) => (hidden[r][c] ? null : n)));
}
