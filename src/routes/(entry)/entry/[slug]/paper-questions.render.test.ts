/**
 * The entry form renders any questionnaire the schema accepts: one labelled box
 * per paper field with unique ids, every aria-describedby pointing at something
 * on the page, and every string translated, with random keystrokes and the
 * errors they cause, in Japanese and English.
 */
import fc from 'fast-check';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { genAnswers, genDefinition } from '$lib/domain/arbitraries';
import { paperFields, readPaperSheet, sheetToFields } from '$lib/domain/paper-entry';
import { createTranslator, STAFF_LOCALES } from '$lib/i18n';
import { i18nContext } from '$lib/i18n/context';
import EntryErrors from './entry-errors.svelte';
import PaperQuestions from './paper-questions.svelte';
import { fieldGroups, fieldId } from './paper-form';

const keystroke = fc.constantFrom(
	'',
	'1',
	'2 3',
	'?',
	'99',
	'x',
	'2024-13-01',
	'1.5',
	'あ'.repeat(250)
);

describe('rendering the entry form of random questionnaires', () => {
	it('labels every box once, and describes boxes with what is on the page', () => {
		fc.assert(
			fc.property(fc.gen(), fc.constantFrom(...STAFF_LOCALES), (g, locale) => {
				const def = genDefinition(g);
				const fields = paperFields(def);
				const typed = g(fc.boolean)
					? sheetToFields(def, genAnswers(g, def))
					: Object.fromEntries(fields.map((f) => [f.name, g(() => keystroke)]));
				const { errors } = readPaperSheet(def, typed);
				const groups = fieldGroups(def, fields);
				const context = i18nContext({ locale, t: createTranslator(locale) });
				const { body } = render(PaperQuestions, {
					props: { groups, values: typed, errors, focus: 'paper-code' },
					context
				});
				const summary = render(EntryErrors, {
					props: { failure: { fieldErrors: errors }, groups, slug: 's' },
					context
				}).body;

				const ids = [...body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
				expect(new Set(ids).size).toBe(ids.length);
				for (const field of fields) {
					const id = fieldId(field.name);
					expect(ids).toContain(id);
					expect(body).toContain(`for="${id}"`);
				}
				for (const [, described] of body.matchAll(/aria-describedby="([^"]+)"/g)) {
					for (const id of described.split(' ')) expect(ids).toContain(id);
				}
				for (const target of summary.matchAll(/href="#([^"]+)"/g)) {
					expect(ids).toContain(target[1]);
				}
				// An untranslated key shows as itself.
				expect(body + summary).not.toMatch(/paper\.\w+\./);
			}),
			// Shrinking whole questionnaires takes minutes; the first counterexample says enough.
			{ numRuns: 100, endOnFailure: true }
		);
	});
});
