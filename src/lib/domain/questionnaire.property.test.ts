/**
 * Properties of the questionnaire schema, branching and answer validation over
 * random questionnaires of every type (src/lib/domain/arbitraries.ts). The
 * database side of the same contract is src/lib/server/backend/question-types.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnswers, validatePage, validateSubmission } from './answers';
import { cellName, otherName, rankName } from './answer-form';
import { formOf, genAnswer, genAnswers, genDefinition, genMistake } from './arbitraries';
import { paginate, pruneHidden, visibleQuestions, type Answers } from './branching';
import { allQuestions, definition, type Definition } from './questionnaire';

const runs = { numRuns: 200 };

/**
 * Keys and values of any shape, some of them naming the definition's questions.
 * (Built in a loop: `gen` caches arbitraries by their arguments, and arguments
 * that are arbitraries themselves would compare equal too easily.)
 */
function anyAnswers(g: fc.GeneratorValue, def: Definition): Answers {
	const answers: Record<string, unknown> = {};
	for (const key of [...allQuestions(def).map((q) => q.key), 'zz']) {
		if (g(fc.boolean)) answers[key] = g(fc.jsonValue, { maxDepth: 3 });
	}
	return answers as Answers;
}

const shownKeys = (def: Definition, answers: Answers) => {
	const pruned = pruneHidden(def, answers);
	return new Set(def.sections.flatMap((s) => visibleQuestions(s, pruned)).map((q) => q.key));
};

describe('random questionnaires', () => {
	it('are accepted by the schema as they are', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				expect(definition.parse(def)).toEqual(def);
			}),
			runs
		);
	});

	it('accept every answer set a resident can give them', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				expect(validateSubmission(def, genAnswers(g, def))).toEqual({});
			}),
			runs
		);
	});
});

describe('answer validation', () => {
	it('never throws, whatever it is given', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				const answers = g(fc.boolean) ? anyAnswers(g, def) : genMistake(g, def, genAnswers(g, def));
				validateSubmission(def, answers);
				for (const page of paginate(def)) validatePage(def, page, answers);
				const form = new FormData();
				const names = allQuestions(def).flatMap((q) => [
					q.key,
					otherName(q.key),
					rankName(q.key, 1),
					cellName(q.key, 'r1', 'sat')
				]);
				for (let i = g(fc.nat, { max: 8 }); i > 0; i--) {
					form.append(
						names[g(fc.nat, { max: names.length - 1 })],
						g(fc.string, { unit: 'binary' })
					);
				}
				readAnswers(allQuestions(def), form);
			}),
			runs
		);
	});

	it('never requires a hidden question', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				const answers = pruneHidden(def, g(fc.boolean) ? anyAnswers(g, def) : genAnswers(g, def));
				const shown = shownKeys(def, answers);
				for (const [field, error] of Object.entries(validateSubmission(def, answers))) {
					if (error.code === 'required') expect(shown).toContain(field.split('.')[0]);
				}
			}),
			runs
		);
	});

	it('refuses an answer to a hidden question', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				const answers = genAnswers(g, def);
				const shown = shownKeys(def, answers);
				const hidden = allQuestions(def).filter((q) => !shown.has(q.key) && q.type !== 'info');
				fc.pre(hidden.length > 0);
				const q = hidden[g(fc.nat, { max: hidden.length - 1 })];
				const errors = validateSubmission(def, { ...answers, [q.key]: genAnswer(g, q)! });
				expect(errors[q.key]).toEqual({ code: 'not_shown' });
			}),
			runs
		);
	});
});

describe('the answering form', () => {
	it('reads back, page by page, the answers it was filled in with', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				const answers = genAnswers(g, def);
				for (const page of paginate(def)) {
					const own = Object.fromEntries(
						page.questions.filter((q) => q.key in answers).map((q) => [q.key, answers[q.key]])
					);
					expect(readAnswers(page.questions, formOf(page.questions, answers))).toEqual(own);
				}
			}),
			runs
		);
	});
});
