/**
 * Reads a population pasted from a spreadsheet: `district, age group, population`
 * per line, separated by tabs (a copied range) or commas (CSV, quotes allowed).
 * Only the shape is read here; SQL decides what is a district, an age group and
 * a valid population (population_save), so the rules live in one place.
 */
import type { PopulationInput } from '$lib/server/backend/weighting-types';

/** Splits one line at the separator, outside double quotes ("" is a quote). */
function fields(line: string, separator: string): string[] {
	const out: string[] = [];
	let current = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (c === '"' && quoted && line[i + 1] === '"') {
			current += '"';
			i++;
		} else if (c === '"') {
			quoted = !quoted;
		} else if (c === separator && !quoted) {
			out.push(current.trim());
			current = '';
		} else {
			current += c;
		}
	}
	out.push(current.trim());
	return out;
}

const looksNumeric = (value: string) => /^-?[0-9][0-9,]*$/.test(value);

export interface ParsedPopulation {
	rows: PopulationInput[];
	/** 1-based line numbers that do not have three columns */
	badLines: number[];
}

export function parsePopulationCsv(text: string): ParsedPopulation {
	const rows: PopulationInput[] = [];
	const badLines: number[] = [];
	const lines = text.split(/\r\n|\n|\r/);
	let first = true;
	lines.forEach((line, i) => {
		if (!line.trim()) return;
		const separator = line.includes('\t') ? '\t' : ',';
		const parts = fields(line, separator);
		// 1,234 unquoted in a comma-separated line: the rest is the number.
		const population = parts.slice(2).join(',');
		const isHeading = first && parts.length >= 3 && !looksNumeric(population);
		first = false;
		if (isHeading) return;
		if (parts.length < 3) {
			badLines.push(i + 1);
			return;
		}
		rows.push({ line: String(i + 1), district: parts[0], age_group: parts[1], population });
	});
	return { rows, badLines };
}

/** The grid form's field name for a district × age group (codes never hold ':'). */
export const cellName = (district: string, age: string) => `p:${district}:${age}`;
