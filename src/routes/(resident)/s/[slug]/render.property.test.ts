/**
 * No questionnaire the schema accepts crashes the renderer: every question of a
 * random questionnaire is rendered on the server, with random answers (valid or
 * not) and the errors the validator reports for them, in every resident language.
 */
import fc from 'fast-check';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { validateSubmission } from '$lib/domain/answers';
import { genAnswers, genDefinition, genMistake } from '$lib/domain/arbitraries';
import { allQuestions } from '$lib/domain/questionnaire';
import { createTranslator, LOCALES } from '$lib/i18n';
import { i18nContext } from '$lib/i18n/context';
import QuestionField from './question-field.svelte';

describe('rendering random questionnaires', () => {
	it('never throws, and labels every question', () => {
		fc.assert(
			fc.property(fc.gen(), fc.constantFrom(...LOCALES), (g, locale) => {
				const def = genDefinition(g);
				const valid = genAnswers(g, def);
				const answers = g(fc.boolean) ? genMistake(g, def, valid) : valid;
				const errors = validateSubmission(def, answers);
				const context = i18nContext({ locale, t: createTranslator(locale) });
				for (const question of allQuestions(def)) {
					const { body } = render(QuestionField, {
						props: {
							question,
							lang: def.languages.includes(locale as never) ? locale : 'ja',
							value: answers[question.key],
							errors,
							session: '00000000-0000-4000-8000-000000000000'
						},
						context
					});
					expect(body).toContain(`id="field-${question.key}"`);
				}
			}),
			{ numRuns: 100 }
		);
	});
});
