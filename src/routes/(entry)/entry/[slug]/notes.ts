/**
 * What the form says about the cleaning applied to a saved sheet:
 * 「2項目を無回答として扱いました（判読不能 1、選択数超過 1）」 and the like.
 */
import type { PaperNote, PaperRules } from '$lib/domain/paper-entry';

type BlankingKind = 'unreadable' | 'tooMany' | 'tooFew';

export interface NoteSummary {
	/** fields read as 無回答, and why, in a fixed order */
	blanked: { kind: BlankingKind; count: number }[];
	/** fields with too many ticks of which the first ones were kept */
	keptFirst: number;
	/** 「その他」 ticked with nothing written: the tick dropped */
	otherDropped: number;
	/** answers to questions that the branching skips, dropped */
	hidden: number;
}

const ORDER: BlankingKind[] = ['unreadable', 'tooMany', 'tooFew'];

/**
 * Counts fields, not notes: a ranking with a repeated rank has both tooMany and
 * tooFew, and is one field read as 無回答 (for too few ranks).
 */
export function summarizeNotes(notes: PaperNote[], rules: PaperRules): NoteSummary {
	const kinds = new Map<string, Set<PaperNote['kind']>>();
	for (const n of notes) kinds.set(n.key, (kinds.get(n.key) ?? new Set()).add(n.kind));
	const blanked = new Map<BlankingKind, number>();
	const summary: NoteSummary = { blanked: [], keptFirst: 0, otherDropped: 0, hidden: 0 };
	for (const of of kinds.values()) {
		const why = of.has('unreadable')
			? 'unreadable'
			: of.has('tooFew')
				? 'tooFew'
				: of.has('tooMany') && rules.tooMany === 'invalid'
					? 'tooMany'
					: undefined;
		if (why) blanked.set(why, (blanked.get(why) ?? 0) + 1);
		else if (of.has('tooMany')) summary.keptFirst++;
		if (of.has('otherBlank')) summary.otherDropped++;
		if (of.has('hidden')) summary.hidden++;
	}
	summary.blanked = ORDER.filter((k) => blanked.has(k)).map((kind) => ({
		kind,
		count: blanked.get(kind)!
	}));
	return summary;
}

/** Whether anything was cleaned at all. */
export const anyNotes = (s: NoteSummary) =>
	s.blanked.length > 0 || s.keptFirst > 0 || s.otherDropped > 0 || s.hidden > 0;
