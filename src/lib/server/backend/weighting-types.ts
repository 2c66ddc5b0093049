/** What the backend gives and takes for weighting and number distributions. */

export interface PopulationRow {
	district: string;
	age_group: string;
	population: number;
}

/** A row to save, as typed or pasted: SQL resolves codes or names and checks the number. */
export interface PopulationInput {
	/** where the row came from (a CSV line, a form field), echoed in problems */
	line: string;
	district: string;
	age_group: string;
	population: string;
}

export type PopulationProblemCode =
	'unknown_district' | 'unknown_age_group' | 'negative' | 'not_a_number' | 'duplicate';

export interface PopulationProblem {
	line: string;
	problem: PopulationProblemCode;
}

export type PopulationSaveResult =
	{ ok: true; saved: number } | { ok: false; problems: PopulationProblem[] };

export interface PopulationApi {
	/** The population of the survey's organisation, and whether the caller may change it. */
	get(surveyId: string): Promise<{ editable: boolean; rows: PopulationRow[] }>;
	/** Replaces it, all or nothing; refused rows come back with their problems. */
	save(surveyId: string, rows: PopulationInput[]): Promise<PopulationSaveResult>;
}

/** A closed question's cross-tab cell, for every question at once. */
export interface QuestionStratumCell {
	question_key: string;
	district: string;
	age_group: string;
	item: string;
	choice: string;
	/** null: hidden by small-cell suppression */
	n: number | null;
}

/** A number answer's value and how many gave it; value null pools hidden rare values. */
export interface NumberValueCount {
	value: number | null;
	n: number;
}
