/**
 * A sheet to review renders for any questionnaire and any two keyings: ids
 * unique on the page (a question's fields may sit in both the differing part and
 * the rest), every aria-describedby and error link pointing at something there.
 */
import fc from 'fast-check';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { genAnswers, genDefinition } from '$lib/domain/arbitraries';
import { paperFields, readPaperSheet, sheetToFields } from '$lib/domain/paper-entry';
import { createTranslator } from '$lib/i18n';
import { i18nContext } from '$lib/i18n/context';
import { fieldGroups } from '../paper-form';
import ReviewSheetView from './review-sheet.svelte';
import { reviewSheet } from './review-sheet';

const rules = { tooMany: 'invalid' } as const;

describe('rendering a sheet to review', () => {
	it('keeps ids unique and references whole', () => {
		fc.assert(
			fc.property(fc.gen(), fc.boolean(), (g, coded) => {
				const def = genDefinition(g);
				const entry = (id: string) => {
					const answers = genAnswers(g, def);
					return { id, versionId: 'v', answers, fields: sheetToFields(def, answers), mine: false };
				};
				const sheet = reviewSheet(
					{ sheetLabel: coded ? 'AB3C…' : 'P-1', entries: [entry('a'), entry('b')] },
					def,
					rules
				);
				const typed = Object.fromEntries(
					paperFields(def).map((f) => [f.name, g(() => fc.constantFrom('', '1', 'x', '?'))])
				);
				const { errors } = readPaperSheet(def, typed, rules);
				const failure = g(fc.boolean)
					? {
							typed: { code: '', sheet: '', fields: typed },
							fieldErrors: errors,
							codeError: coded ? ('mismatch' as const) : undefined
						}
					: undefined;
				const { body } = render(ReviewSheetView, {
					props: {
						sheet,
						groups: fieldGroups(def, paperFields(def)),
						prefix: 's1-',
						slug: 's',
						failure,
						submit: () => undefined
					},
					context: i18nContext({ locale: 'ja', t: createTranslator('ja') })
				});
				const ids = [...body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
				expect(new Set(ids).size).toBe(ids.length);
				const references = [
					...[...body.matchAll(/aria-(?:describedby|labelledby)="([^"]+)"/g)].flatMap((m) =>
						m[1].split(' ')
					),
					...[...body.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]),
					...[...body.matchAll(/ for="([^"]+)"/g)].map((m) => m[1])
				];
				for (const id of references) expect(ids).toContain(id);
				expect(body).not.toMatch(/paper\.\w+\./);
			}),
			// Shrinking whole questionnaires takes minutes; the first counterexample says enough.
			{ numRuns: 60, endOnFailure: true }
		);
	});
});
