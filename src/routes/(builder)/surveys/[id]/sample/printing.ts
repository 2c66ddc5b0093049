/**
 * What the printing pages share: which letters a ?from=&to= address asks for,
 * and how address labels fall onto sheets.
 */
import { z } from 'zod';

/** The most letters one printing page holds (also the limit of sample_letters_list). */
export const MAX_PRINT = 2000;
/** A4 label sheets with 12 labels (2 × 6, 86.4 × 42.3 mm), common in Japanese offices. */
export const LABELS_PER_SHEET = 12;

const letterNo = z
	.string()
	.regex(/^\d{1,7}$/)
	.transform(Number)
	.pipe(z.number().int().min(1).max(1_000_000));

export type LetterRange = { from: number; to: number };

/**
 * The letters `?from=&to=` ask for. A missing or empty `from` is 1; a missing or
 * empty `to` is the last letter, but at most MAX_PRINT letters on from `from`.
 * Null when either is not a letter number, `to` comes before `from`, or the range
 * holds more than MAX_PRINT letters.
 */
export function letterRange(query: URLSearchParams, last: number): LetterRange | null {
	const given = (name: string) => query.get(name)?.trim() || null;
	const from = letterNo.safeParse(given('from') ?? '1');
	if (!from.success) return null;
	const fallback = Math.max(from.data, Math.min(last, from.data + MAX_PRINT - 1));
	const to = letterNo.safeParse(given('to') ?? String(fallback));
	if (!to.success || to.data < from.data || to.data - from.data >= MAX_PRINT) return null;
	return { from: from.data, to: to.data };
}

/** Items in sheets of `perSheet`, the last one possibly shorter. */
export function sheets<T>(items: readonly T[], perSheet: number): T[][] {
	if (!Number.isInteger(perSheet) || perSheet < 1) throw new Error(`not a sheet size: ${perSheet}`);
	const result: T[][] = [];
	for (let i = 0; i < items.length; i += perSheet) result.push(items.slice(i, i + perSheet));
	return result;
}
