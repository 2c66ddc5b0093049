/**
 * A checked sample (from a file or generated per stratum) becomes letters with
 * codes: letter N's code is derived from the secret, and SQL stores only its hash.
 */
import type { Backend } from '$lib/server/backend/types';
import type { SampleImportResult } from '$lib/server/backend/sample-types';
import { deriveCode } from './codes';

export interface SampleEntry {
	line: number;
	district: string;
	ageGroup: string;
	name: string | null;
	postalCode: string | null;
	address: string | null;
}

/** Imports all rows or none. Retries once when another import moved the letter numbers on. */
export async function importSample(
	samples: Backend['samples'],
	secret: string,
	surveyId: string,
	entries: SampleEntry[]
): Promise<SampleImportResult> {
	for (let attempt = 0; ; attempt++) {
		const summary = await samples.summary(surveyId);
		if (!summary) throw new Error('not an editor of this survey');
		const first = summary.nextLetter;
		const rows = entries.map((e, i) => ({
			line: String(e.line),
			code: deriveCode(secret, surveyId, first + i),
			district: e.district,
			age_group: e.ageGroup,
			name: e.name,
			postal_code: e.postalCode,
			address: e.address
		}));
		const result = await samples.import(surveyId, first, rows);
		if (!('changed' in result) || attempt > 0) return result;
	}
}

/** `count` letters without names for every district × age group (「層別にコードを発行」). */
export function generatedEntries(
	districts: string[],
	ageGroups: string[],
	count: number
): SampleEntry[] {
	const entries: SampleEntry[] = [];
	for (const district of districts) {
		for (const ageGroup of ageGroups) {
			for (let i = 0; i < count; i++) {
				entries.push({
					line: entries.length + 1,
					district,
					ageGroup,
					name: null,
					postalCode: null,
					address: null
				});
			}
		}
	}
	return entries;
}
