/**
 * A sheet whose two keyings differ, as the review page shows it: both keyings
 * as typed, and the fields they read differently.
 */
import { differences, sheetToFields, type PaperRules } from '$lib/domain/paper-entry';
import type { Definition } from '$lib/domain/questionnaire';
import type { PaperEntry, PaperMismatch } from '$lib/server/backend/sample-types';

export interface ReviewSheet {
	label: string;
	/** The sheet came with an invitation code: the database keeps its hash and 4 symbols. */
	hasCode: boolean;
	/** the entry that names the sheet when settling it */
	entryId: string;
	versionId: string;
	keyings: { fields: Record<string, string>; mine: boolean }[];
	/** field names, in form order */
	differing: string[];
}

/**
 * What a keying typed. Entries keyed elsewhere may come without their fields;
 * their answers, keyed the canonical way, stand in.
 */
const typed = (def: Definition, entry: PaperEntry) =>
	Object.keys(entry.fields).length ? entry.fields : sheetToFields(def, entry.answers);

export function reviewSheet(
	mismatch: PaperMismatch,
	def: Definition,
	rules: PaperRules
): ReviewSheet {
	const [first, second] = mismatch.entries;
	const keyings = mismatch.entries
		.slice(0, 2)
		.map((e) => ({ fields: typed(def, e), mine: e.mine }));
	let differing = differences(def, keyings[0].fields, keyings[1].fields, rules);
	// Typed alike yet stored apart (keyed against two versions): compare the answers.
	if (differing.length === 0) {
		differing = differences(
			def,
			sheetToFields(def, first.answers),
			sheetToFields(def, second.answers),
			rules
		);
	}
	return {
		// SQL labels a coded sheet by its code's first symbols and an ellipsis, which
		// no typed sheet number has (sheet-form.ts normalizes … to ...).
		label: mismatch.sheetLabel,
		hasCode: mismatch.sheetLabel.endsWith('…'),
		entryId: first.id,
		versionId: first.versionId,
		keyings,
		differing
	};
}
