/**
 * Reading the mailed sample: the CSV extract of the drawn residents, as staff
 * get it from the resident register (often Shift_JIS, saved by Excel), checked
 * row by row against the survey's districts and age groups before anything is
 * stored. Every problem is reported with the line staff can find in the file.
 */
import { CsvError, parse } from 'csv-parse/sync';

export const MAX_ROWS = 20_000;
/** Past this many problems the file needs fixing as a whole, not row by row. */
export const MAX_ERRORS = 200;
/** The checks of the sample_letters table (char_length: code points, not UTF-16 units). */
export const MAX_LENGTH = { name: 100, address: 300, postalCode: 10 } as const;

export type Column = 'district' | 'age' | 'ageGroup' | 'name' | 'postalCode' | 'address';

export type SampleStrata = {
	districts: { code: string; name: { ja: string; en?: string } }[];
	ageGroups: { code: string; name: { ja: string }; min_age: number; max_age: number | null }[];
};

/** A drawn resident; district and age group are codes. */
export type SampleRow = {
	line: number;
	district: string;
	ageGroup: string;
	name: string | null;
	postalCode: string | null;
	address: string | null;
};

/** What the import page explains; 'columns' is also a row whose cells are shifted or a broken quote. */
export type RowProblem =
	'columns' | 'district' | 'age' | 'ageGroup' | 'duplicate' | 'tooLong' | 'empty' | 'tooMany';

/** A problem on a physical line of the file; value is the cell as written. */
export type RowError = {
	line: number;
	column?: Column;
	problem: RowProblem;
	value?: string;
	otherLine?: number;
};

export type SampleResult = { rows: SampleRow[]; errors: RowError[] };

/**
 * The text of an uploaded file: UTF-8 when it is valid UTF-8, else Shift_JIS
 * (CP932), which Excel on Japanese Windows still writes for "CSV (カンマ区切り)".
 */
export function decodeCsv(bytes: Uint8Array): string {
	const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = hasBom ? bytes.subarray(3) : bytes;
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(body);
	} catch {
		return new TextDecoder('shift_jis').decode(body);
	}
}

/** Header names as staff write them, compared after `headerKey`. */
const HEADERS: Record<Column, string[]> = {
	district: ['地区', '地区名', 'district'],
	age: ['年齢', 'age'],
	ageGroup: ['年代', '年齢区分', 'age_group'],
	name: ['氏名', '名前', 'name'],
	postalCode: ['郵便番号', '〒', 'postal_code', 'postcode'],
	address: ['住所', 'address']
};

/** An integer age, as 34, ３４ or 34歳. */
const AGE = /^(\d{1,3})\s*[歳才]?$/;
const MAX_AGE = 130;

/** 'Age Group', 'age_group' and the full-width 'ａｇｅ＿ｇｒｏｕｐ' alike. */
const headerKey = (s: string) =>
	s
		.normalize('NFKC')
		.trim()
		.toLowerCase()
		.replace(/[\s_]+/g, '_');

/** For matching codes and names: full-width and case do not matter. */
const matchKey = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** For spotting the same resident twice: also spacing does not matter. */
const personKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

type CsvRecord = { line: number; fields: string[] };

const lineBreaks = (fields: string[]) =>
	fields.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/**
 * The file's records, each with the physical line it starts on, or the line
 * where the CSV itself breaks (an unclosed quote…). Lines are counted here: a
 * record starts after the previous one's last line and the empty lines skipped
 * since, and spans as many lines as it holds line breaks. csv-parse's own
 * `lines` gives the line a record ends on and counts a CRLF in a quoted field
 * as two.
 */
function readRecords(text: string): { records: CsvRecord[]; brokenAt?: number } {
	const records: CsvRecord[] = [];
	let lastLine = 0;
	let emptyBefore = 0;
	const startLine = (emptyLines: number) => lastLine + 1 + emptyLines - emptyBefore;
	try {
		parse(text, {
			bom: true,
			relax_column_count: true,
			skip_empty_lines: true,
			// line ends get mixed when a file is edited by hand on another system
			record_delimiter: ['\r\n', '\n', '\r'],
			on_record: (fields, { empty_lines }) => {
				const line = startLine(empty_lines);
				records.push({ line, fields });
				lastLine = line + lineBreaks(fields);
				emptyBefore = empty_lines;
				return null;
			}
		});
	} catch (e) {
		if (!(e instanceof CsvError)) throw e;
		return { records, brokenAt: startLine(Number(e.empty_lines ?? emptyBefore)) };
	}
	return { records };
}

/** Where each known column is; the first of two same-named columns wins. */
function findColumns(header: string[]): Partial<Record<Column, number>> {
	const found: Partial<Record<Column, number>> = {};
	header.forEach((title, i) => {
		const key = headerKey(title);
		const column = (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].includes(key));
		if (column && found[column] === undefined) found[column] = i;
	});
	return found;
}

/** Excel writes rows it once had as ",,,": they are empty lines too. */
const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');

const fail = (...errors: RowError[]): SampleResult => ({ rows: [], errors });

/**
 * The drawn residents of a sample file (text from `decodeCsv`), or what is
 * wrong with it: rows holds the rows without any problem, errors every problem
 * in file order (at most MAX_ERRORS).
 */
export function parseSample(text: string, strata: SampleStrata): SampleResult {
	const { records, brokenAt } = readRecords(text);
	if (brokenAt !== undefined) return fail({ line: brokenAt, problem: 'columns' });
	const [header, ...data] = records.filter((r) => !isBlank(r.fields));
	if (!header) return fail({ line: 1, problem: 'empty' });

	const columns = findColumns(header.fields);
	const missing: Column[] = [];
	if (columns.district === undefined) missing.push('district');
	if (columns.age === undefined && columns.ageGroup === undefined) missing.push('age');
	if (missing.length > 0) {
		return fail(
			...missing.map((column) => ({ line: header.line, column, problem: 'columns' as const }))
		);
	}
	if (data.length === 0) return fail({ line: header.line, problem: 'empty' });
	if (data.length > MAX_ROWS) {
		return fail({ line: data[MAX_ROWS].line, problem: 'tooMany', value: String(data.length) });
	}

	const check = rowChecker(columns, header.fields.length, strata);
	const rows: SampleRow[] = [];
	const errors: RowError[] = [];
	const firstLineOf = new Map<string, number>();
	for (const record of data) {
		const { row, problems } = check(record);
		const person = row?.name && row.address && `${personKey(row.name)}\n${personKey(row.address)}`;
		const otherLine = person ? firstLineOf.get(person) : undefined;
		if (otherLine !== undefined) {
			problems.push({ line: record.line, problem: 'duplicate', otherLine });
		} else if (person) {
			firstLineOf.set(person, record.line);
		}
		if (row && problems.length === 0) rows.push(row);
		errors.push(...problems);
	}
	return { rows, errors: errors.slice(0, MAX_ERRORS) };
}

/**
 * Checks one data row: the cells it must have, its stratum and the lengths the
 * letters table allows. The row comes back also with problems (so that a
 * duplicate is found there too), unless its cells are shifted.
 */
function rowChecker(
	columns: Partial<Record<Column, number>>,
	width: number,
	strata: SampleStrata
): (record: CsvRecord) => { row?: SampleRow; problems: RowError[] } {
	const districts = new Map<string, string>();
	for (const d of strata.districts) {
		for (const key of [d.code, d.name.ja, d.name.en]) {
			if (key && !districts.has(matchKey(key))) districts.set(matchKey(key), d.code);
		}
	}
	const ageGroups = new Map<string, string>();
	for (const g of strata.ageGroups) {
		for (const key of [g.code, g.name.ja]) {
			if (!ageGroups.has(matchKey(key))) ageGroups.set(matchKey(key), g.code);
		}
	}
	const groupOfAge = (age: number) =>
		strata.ageGroups.find((g) => g.min_age <= age && (g.max_age === null || age <= g.max_age))
			?.code;

	return ({ line, fields }) => {
		const cell = (c: Column) => {
			const i = columns[c];
			return i === undefined ? '' : (fields[i] ?? '').trim();
		};
		// A row with cells missing or too many is shifted: its other cells mean nothing.
		const extra = fields.slice(width).some((f) => f.trim() !== '');
		if (fields.length < width || extra) return { problems: [{ line, problem: 'columns' }] };

		const row: SampleRow = {
			line,
			district: '',
			ageGroup: '',
			name: cell('name') || null,
			postalCode: cell('postalCode').normalize('NFKC') || null,
			address: cell('address') || null
		};

		const problems: RowError[] = [];
		// the stratum columns' problems are named after them
		const problem = (column: 'district' | 'age' | 'ageGroup') =>
			problems.push({ line, column, problem: column, value: cell(column) });

		row.district = districts.get(matchKey(cell('district'))) ?? '';
		if (!row.district) problem('district');

		const age = AGE.exec(cell('age').normalize('NFKC'));
		const byAge = age && Number(age[1]) <= MAX_AGE ? groupOfAge(Number(age[1])) : undefined;
		const byName = cell('ageGroup') ? ageGroups.get(matchKey(cell('ageGroup'))) : undefined;
		if (cell('age') && !byAge) problem('age');
		if (cell('ageGroup') && (!byName || (byAge && byAge !== byName))) problem('ageGroup');
		if (!cell('age') && !cell('ageGroup')) problem(columns.age === undefined ? 'ageGroup' : 'age');
		row.ageGroup = byAge ?? byName ?? '';

		for (const c of ['name', 'postalCode', 'address'] as const) {
			const value = row[c];
			if (value && [...value].length > MAX_LENGTH[c]) {
				problems.push({ line, column: c, problem: 'tooLong' });
			}
		}
		return { row, problems };
	};
}
