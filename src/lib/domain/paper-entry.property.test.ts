/**
 * Properties of paper entry over random questionnaires of every type
 * (arbitraries.ts): whatever a clerk types, what is read passes the web's
 * validation but for required answers, and answers keyed again read the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSubmission } from './answers';
import { genAnswers, genDefinition } from './arbitraries';
import { chosen, isOtherAnswer, type Answers } from './branching';
import {
	differences,
	paperFields,
	readPaperSheet,
	sheetToFields,
	type PaperField,
	type PaperNote,
	type PaperRules
} from './paper-entry';
import { allQuestions, choiceKeys, type Definition } from './questionnaire';

const runs = { numRuns: 300 };
type Gen = fc.GeneratorValue;

const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.nat, { max: items.length - 1 })];
const genRules = (g: Gen): PaperRules => ({ tooMany: pick(g, ['first', 'invalid'] as const) });
const fullWidth = (text: string) =>
	text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const SEPARATORS = [' ', ',', '、', '.', '　', ' , ', '・'];

/** What a clerk might type in a field: mostly near what it takes, sometimes anything. */
function genKeyed(g: Gen, field: PaperField): string {
	const first = field.first ?? 1;
	const number = () => String(g(fc.integer, { min: first - 1, max: first + (field.options ?? 3) }));
	const list = () =>
		Array.from({ length: g(fc.integer, { min: 1, max: 5 }) }, number).join(pick(g, SEPARATORS));
	return pick(g, [
		() => '',
		() => pick(g, ['?', '？', ' ? ', '1 ?']),
		number,
		list,
		() => fullWidth(list()),
		() => pick(g, ['abc', '1.5', '-3', '0', '1e3', '1,000', '２０', '20260401', '2026-02-30']),
		() => pick(g, ['1899-12-31', '2100-01-01', '２０２６-０４-０１', '2026/4/1']),
		() => String(g(fc.double, { min: -100, max: 100, noNaN: true })),
		() => g(fc.string, { unit: 'binary', maxLength: 60 }),
		() => g(fc.string, { maxLength: 250 })
	])();
}

function genSheet(g: Gen, def: Definition) {
	return Object.fromEntries(paperFields(def).map((f) => [f.name, genKeyed(g, f)]));
}

/** Multiple-choice answers in printed order, as paper entry reads them. */
function inPrintedOrder(def: Definition, answers: Answers): Answers {
	const sorted = { ...answers };
	for (const q of allQuestions(def)) {
		const value = answers[q.key];
		if (q.type !== 'multi' || value === undefined) continue;
		const choice = choiceKeys(q).filter((k) => chosen(value).includes(k));
		sorted[q.key] = isOtherAnswer(value) ? { choice, other: value.other } : choice;
	}
	return sorted;
}

describe('reading random keyed sheets', () => {
	it('gives answers the web accepts, all but required ones', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				const sheet = readPaperSheet(def, genSheet(g, def), genRules(g));
				const errors = Object.values(validateSubmission(def, sheet.answers));
				expect(errors.filter((e) => e.code !== 'required')).toEqual([]);
			}),
			runs
		);
	});

	it('reports errors and notes under field names, and answers under question keys', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				const sheet = readPaperSheet(def, genSheet(g, def), genRules(g));
				const fields = new Set(paperFields(def).map((f) => f.name));
				const questions = allQuestions(def).map((q) => q.key);
				expect(Object.keys(sheet.errors).filter((name) => !fields.has(name))).toEqual([]);
				const named = (n: PaperNote) => (n.kind === 'hidden' ? questions : [...fields]);
				expect(sheet.notes.filter((n) => !named(n).includes(n.key))).toEqual([]);
				expect(questions).toEqual(expect.arrayContaining(Object.keys(sheet.answers)));
			}),
			runs
		);
	});

	it('reads what it read the same once keyed again', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				const rules = genRules(g);
				const { answers } = readPaperSheet(def, genSheet(g, def), rules);
				const again = readPaperSheet(def, sheetToFields(def, answers), rules);
				expect(again).toEqual({ answers, errors: {}, notes: [] });
			}),
			runs
		);
	});

	it('finds no differences between a sheet and itself', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				const sheet = genSheet(g, def);
				expect(differences(def, sheet, { ...sheet }, genRules(g))).toEqual([]);
			}),
			runs
		);
	});
});

describe('keying the answers a resident can give', () => {
	it('reads them back, cleaning nothing', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				const answers = genAnswers(g, def);
				const sheet = readPaperSheet(def, sheetToFields(def, answers), genRules(g));
				expect(sheet).toEqual({ answers: inPrintedOrder(def, answers), errors: {}, notes: [] });
			}),
			runs
		);
	});

	it('agrees with the same answers typed another way', () => {
		fc.assert(
			fc.property(fc.gen(), (g) => {
				const def = genDefinition(g);
				const keyed = sheetToFields(def, genAnswers(g, def));
				const free = new Set(
					paperFields(def)
						.filter((f) => f.kind === 'text' || f.kind === 'other')
						.map((f) => f.name)
				);
				const retyped = Object.fromEntries(
					Object.entries(keyed).map(([name, value]) => [
						name,
						free.has(name) ? value : fullWidth(value).replaceAll(' ', pick(g, SEPARATORS))
					])
				);
				expect(differences(def, keyed, retyped, genRules(g))).toEqual([]);
			}),
			runs
		);
	});
});
