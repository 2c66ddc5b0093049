/**
 * What an uploaded sample file must be before it is read as CSV, and the strata
 * its rows are checked against.
 */
import type { AgeRange } from '$lib/server/backend/sample-types';
import type { Stratum } from '$lib/server/backend/types';
import type { SampleStrata } from '$lib/server/samples/sample-csv';

/** 20,000 residents with name and address take about 2 MB; more is not a sample file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type FileProblem = 'noFile' | 'tooLarge' | 'notCsv' | 'spreadsheet';

/** What browsers call a CSV file: Windows with Excel installed says application/vnd.ms-excel. */
const CSV_TYPES = [
	'',
	'text/csv',
	'text/plain',
	'text/comma-separated-values',
	'text/x-csv',
	'application/csv',
	'application/vnd.ms-excel'
];

/** Why an upload is not a file to read, from what the browser says about it. */
export function uploadProblem(upload: FormDataEntryValue | null): FileProblem | null {
	if (!(upload instanceof File) || upload.size === 0) return 'noFile';
	if (upload.size > MAX_FILE_BYTES) return 'tooLarge';
	if (/\.xlsx?$/i.test(upload.name)) return 'spreadsheet';
	if (!/\.(csv|txt)$/i.test(upload.name) && !CSV_TYPES.includes(upload.type.split(';')[0])) {
		return 'notCsv';
	}
	return null;
}

/**
 * Why the bytes are not text: an Excel workbook (a ZIP or the older OLE file,
 * often only renamed to .csv), or anything with NUL bytes (binary, or UTF-16
 * "Unicode text", which the sample reader does not take).
 */
export function contentProblem(bytes: Uint8Array): FileProblem | null {
	const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
	if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) return 'spreadsheet';
	if (bytes.includes(0)) return 'notCsv';
	return null;
}

/** The districts and age groups (with their ages) a sample file's rows may name. */
export function sampleStrata(
	strata: { districts: Stratum[]; ageGroups: Stratum[] },
	ageRanges: AgeRange[]
): SampleStrata {
	const names = new Map(strata.ageGroups.map((g) => [g.code, g.name]));
	return {
		districts: strata.districts.map((d) => ({ code: d.code, name: d.name })),
		ageGroups: ageRanges.map((r) => ({
			code: r.code,
			name: names.get(r.code) ?? { ja: r.code },
			min_age: r.min_age,
			max_age: r.max_age
		}))
	};
}
