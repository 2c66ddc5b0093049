import { describe, expect, it } from 'vitest';
import type { PaperNote } from '$lib/domain/paper-entry';
import { anyNotes, summarizeNotes } from './notes';

const note = (key: string, kind: PaperNote['kind']): PaperNote => ({ key, kind });

describe('the cleaning notes of a saved sheet', () => {
	it('says nothing of a clean sheet', () => {
		const summary = summarizeNotes([], { tooMany: 'invalid' });
		expect(summary).toEqual({ blanked: [], keptFirst: 0, otherDropped: 0, hidden: 0 });
		expect(anyNotes(summary)).toBe(false);
	});

	it('counts the fields read as 無回答, by why, in a fixed order', () => {
		const notes = [
			note('q3', 'tooMany'),
			note('grid.a', 'unreadable'),
			note('grid.b', 'unreadable'),
			note('q5', 'tooFew')
		];
		expect(summarizeNotes(notes, { tooMany: 'invalid' }).blanked).toEqual([
			{ kind: 'unreadable', count: 2 },
			{ kind: 'tooMany', count: 1 },
			{ kind: 'tooFew', count: 1 }
		]);
	});

	it('tells too many ticks kept in part from too many ticks made 無回答', () => {
		const summary = summarizeNotes([note('q3', 'tooMany')], { tooMany: 'first' });
		expect(summary).toMatchObject({ blanked: [], keptFirst: 1 });
		expect(anyNotes(summary)).toBe(true);
	});

	it('counts a field once, by what became of it', () => {
		// A repeated rank: the ranks after it are dropped, and too few remain.
		const notes = [note('rank', 'tooMany'), note('rank', 'tooFew')];
		expect(summarizeNotes(notes, { tooMany: 'first' })).toEqual({
			blanked: [{ kind: 'tooFew', count: 1 }],
			keptFirst: 0,
			otherDropped: 0,
			hidden: 0
		});
	});

	it('reports dropped 「その他」 ticks and answers the branching skips', () => {
		const notes = [note('mode', 'otherBlank'), note('line', 'hidden'), note('why', 'hidden')];
		expect(summarizeNotes(notes, { tooMany: 'invalid' })).toEqual({
			blanked: [],
			keptFirst: 0,
			otherDropped: 1,
			hidden: 2
		});
	});
});
