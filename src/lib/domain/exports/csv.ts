/**
 * CSV for Japanese Excel: UTF-8 with a byte-order mark (without it Excel reads
 * Shift_JIS and garbles the text), CRLF line ends, RFC 4180 quoting, and every
 * text cell neutralised against formula injection.
 */
import { neutralise, type Cell } from './cells';

export const BOM = '\uFEFF';

function field(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	const text = neutralise(cell);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
	return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
