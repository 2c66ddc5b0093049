/** What the backend gives and takes for the mailed sample and paper questionnaires. */
import type { Answers } from '$lib/domain/branching';

export type PaperTooMany = 'first' | 'invalid';

/** The survey's settings for its sample, letters and paper entry. */
export interface SampleSettings {
	requiresCode: boolean;
	doubleEntry: boolean;
	paperTooMany: PaperTooMany;
	letterText: string;
	reminderText: string;
	sender: string;
}

export interface AgeRange {
	code: string;
	min_age: number;
	max_age: number | null;
}

export interface SampleSummary extends SampleSettings {
	/** codes mailed, and used on the web or on paper */
	codes: number;
	used: number;
	/** letters whose mailing details are still kept, and of those, with a name or address */
	letters: number;
	addressed: number;
	/** the letter number the next import starts at */
	nextLetter: number;
	ageRanges: AgeRange[];
}

/** A checked row of a sample file (or a generated one), with its letter's code. */
export interface SampleImportRow {
	line: string;
	code: string;
	district: string;
	age_group: string;
	name: string | null;
	postal_code: string | null;
	address: string | null;
}

export type SampleProblemCode =
	'bad_code' | 'unknown_district' | 'unknown_age_group' | 'too_long' | 'duplicate_code';

export type SampleImportResult =
	| { ok: true; imported: number; first: number }
	| { ok: false; problems: { line: string; problem: SampleProblemCode }[] }
	/** another import ran meanwhile: the letter numbers (and so the codes) moved on */
	| { ok: false; changed: true };

export interface SampleLetter {
	letterNo: number;
	district: string;
	ageGroup: string;
	name: string | null;
	postalCode: string | null;
	address: string | null;
}

/** Codes mailed and used in one district × age group; null = hidden (small cell). */
export interface ResponseRateRow {
	district: string;
	age_group: string;
	sampled: number;
	responded: number | null;
	web: number | null;
	paper: number | null;
}

export type CodeStatus = 'ok' | 'used' | 'unknown';

export interface SamplesApi {
	/** The survey's sample and settings; null for callers who are not its editors. */
	summary(surveyId: string): Promise<SampleSummary | null>;
	saveSettings(surveyId: string, settings: SampleSettings): Promise<void>;
	/** Stores letters firstLetter, firstLetter + 1, … with their codes: all or nothing. */
	import(
		surveyId: string,
		firstLetter: number,
		rows: SampleImportRow[]
	): Promise<SampleImportResult>;
	/** Letters from … to (at most 2,000), for printing. */
	letters(surveyId: string, from: number, to: number): Promise<SampleLetter[]>;
	/** Deletes every letter's mailing details; returns how many letters there were. */
	forgetMailing(surveyId: string): Promise<number>;
	responseRate(surveyId: string): Promise<ResponseRateRow[]>;
	/** What a typed or scanned code can do for this survey (anyone may ask). */
	codeStatus(surveyId: string, code: string): Promise<CodeStatus>;
}

export interface PaperSettings {
	doubleEntry: boolean;
	tooMany: PaperTooMany;
	requiresCode: boolean;
}

export interface PaperInput {
	surveyId: string;
	versionId: string;
	idempotencyKey: string;
	answers: Answers;
	/** the sheet's invitation code, when it has one */
	code: string | null;
	/** the number staff wrote on a sheet without a code (double entry) */
	sheet: string | null;
	/** what was typed, kept with a first keying so a review can show it */
	fields: Record<string, string>;
}

export type PaperRefusal =
	| 'code_unknown'
	| 'code_used'
	| 'same_keyer'
	| 'sheet_required'
	| 'in_review'
	| 'entry_gone'
	| 'invalid';

export type PaperResult =
	| { ok: true; status: 'saved' | 'first' | 'mismatch' | 'duplicate' }
	| { ok: false; reason: PaperRefusal };

export interface PaperEntry {
	id: string;
	versionId: string;
	answers: Answers;
	fields: Record<string, string>;
	/** keyed by the caller */
	mine: boolean;
}

/** A sheet keyed twice with different results. */
export interface PaperMismatch {
	sheetLabel: string;
	entries: PaperEntry[];
}

export interface PaperApi {
	/** null for callers who do not key in this survey's paper questionnaires */
	settings(surveyId: string): Promise<PaperSettings | null>;
	submit(input: PaperInput): Promise<PaperResult>;
	mismatches(surveyId: string): Promise<PaperMismatch[]>;
	/** sheets keyed once, waiting for their second keying */
	waiting(surveyId: string): Promise<number>;
	/** Settles a mismatch with the reviewed answers. */
	resolve(entryId: string, answers: Answers, code: string | null): Promise<PaperResult>;
}
