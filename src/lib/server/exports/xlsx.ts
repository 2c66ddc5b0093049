/** Sheets of cells as an Excel workbook (exceljs), with text neutralised as in CSV. */
import ExcelJS from 'exceljs';
import { neutralise, type Sheet } from '$lib/domain/exports/cells';
import { sheetNames } from '$lib/domain/exports/sheet-names';

// Wide enough for a Japanese label; Excel counts a full-width character as about two.
const width = (text: string) =>
	[...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);

export async function toXlsx(sheets: Sheet[], creator = 'Koe'): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = creator;
	workbook.created = new Date();
	const names = sheetNames(sheets.map((s) => s.name));
	sheets.forEach((sheet, i) => {
		const ws = workbook.addWorksheet(names[i]);
		for (const row of sheet.rows) {
			ws.addRow(row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell)));
		}
		// The first row is the sheet's title or header.
		ws.getRow(1).font = { bold: true };
		const columns = Math.max(0, ...sheet.rows.slice(1).map((r) => r.length));
		for (let c = 1; c <= columns; c++) {
			const longest = Math.max(8, ...sheet.rows.slice(1).map((r) => width(String(r[c - 1] ?? ''))));
			ws.getColumn(c).width = Math.min(longest + 2, 60);
		}
	});
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
