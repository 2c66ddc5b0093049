/** What an exported table is made of, shared by the CSV and XLSX writers. */

/** A cell: text, a number, or empty. */
export type Cell = string | number | null;

/** A named table: one sheet of a workbook, or one CSV file. */
export interface Sheet {
	name: string;
	rows: Cell[][];
}

/** A translator, as i18next's `t` is called. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What a hidden (small-cell suppressed) figure shows as. */
export const HIDDEN = '*';

// Characters a spreadsheet reads as the start of a formula (=, +, -, @ and
// their full-width forms, which Japanese input methods type), or that some
// spreadsheets strip before doing so (tab, carriage return).
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/**
 * Text a spreadsheet shows as text, never runs: anything that could start a
 * formula gets a leading apostrophe. Residents write free text, so every
 * exported string passes through here.
 */
export function neutralise(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A percentage to one decimal, as a number (Excel formats it). */
export const oneDecimal = (value: number) => Math.round(value * 10) / 10;
