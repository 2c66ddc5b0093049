/**
 * The question types in SQL: submit_response stores each as documented in
 * supabase/migrations/20261124000800_question_types.sql, and answer_rows applies
 * the same rules as the TypeScript validator — over random questionnaires too.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSubmission } from '$lib/domain/answers';
import { genAnswers, genDefinition, genMistake } from '$lib/domain/arbitraries';
import {
	chosen,
	isAnswered,
	isOtherAnswer,
	pruneHidden,
	visibleQuestions,
	type Answers
} from '$lib/domain/branching';
import { definition, type Definition } from '$lib/domain/questionnaire';
import { typesDefinition } from '../../../../scripts/lib/demo-survey.js';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

type Row = [
	question: string,
	item: string,
	choice: string | null,
	number: number | null,
	text: string | null
];

let db: TestDatabase;
let survey: { surveyId: string; versionId: string };
const types = definition.parse(typesDefinition);

beforeAll(async () => {
	db = await createTestDatabase();
	const org = await createOrganization(db.owner, 'types');
	survey = await createSurvey(db.owner, org, 'question-types', types);
});
afterAll(() => db.drop());

const submit = (answers: Answers) =>
	createSqlBackend(db.app, null).responses.submit({
		surveyId: survey.surveyId,
		versionId: survey.versionId,
		idempotencyKey: randomUUID(),
		answers,
		language: 'ja'
	});

async function storedRows(responseId: string): Promise<Row[]> {
	const { rows } = await db.owner.query<{
		question_key: string;
		item: string;
		choice: string | null;
		number: string | null;
		text_value: string | null;
	}>(
		`select question_key, item, choice, number, text_value from public.answers
		 where response_id = $1 order by 1, 2, 3`,
		[responseId]
	);
	return rows.map((r) => [
		r.question_key,
		r.item,
		r.choice,
		r.number === null ? null : Number(r.number),
		r.text_value
	]);
}

/** What answer_rows should make of an accepted submission, per the documented storage. */
function expectedRows(def: Definition, answers: Answers): Row[] {
	const pruned = pruneHidden(def, answers);
	const rows: Row[] = [];
	for (const q of def.sections.flatMap((s) => visibleQuestions(s, pruned))) {
		const value = pruned[q.key];
		if (!isAnswered(value)) continue;
		if (q.type === 'single' || q.type === 'multi' || q.type === 'rating') {
			for (const key of chosen(value)) rows.push([q.key, '', String(key), null, null]);
			if (isOtherAnswer(value)) rows.push([q.key, 'other', null, null, value.other]);
		} else if (q.type === 'ranking') {
			chosen(value).forEach((key, i) => rows.push([q.key, String(i + 1), String(key), null, null]));
		} else if (q.type === 'matrix') {
			for (const [row, cells] of Object.entries(value as Record<string, Record<string, string>>)) {
				for (const [dim, point] of Object.entries(cells))
					rows.push([q.key, `${row}/${dim}`, point, null, null]);
			}
		} else if (q.type === 'number') {
			rows.push([q.key, '', null, value as number, null]);
		} else if (q.type === 'date' || q.type === 'text') {
			rows.push([q.key, '', null, null, value as string]);
		}
	}
	return rows;
}

const byKey = (a: Row, b: Row) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** answer_rows as the submit path calls it: the rows, or null when it refuses. */
async function sqlRows(def: Definition, answers: Answers): Promise<Row[] | null> {
	try {
		const { rows } = await db.owner.query<{
			question_key: string;
			item: string;
			choice: string | null;
			number: string | null;
			text_value: string | null;
		}>('select * from koe_private.answer_rows($1::jsonb, $2::jsonb)', [
			JSON.stringify(def),
			JSON.stringify(answers)
		]);
		return rows.map((r) => [
			r.question_key,
			r.item,
			r.choice,
			r.number === null ? null : Number(r.number),
			r.text_value
		]);
	} catch (error) {
		if ((error as { code?: string }).code === '22023') return null;
		throw error;
	}
}

describe('the sample survey of question types', () => {
	it('is a valid definition, stored as the schema parses it, with English for every text', () => {
		expect(types).toEqual(typesDefinition);
		const untranslated = JSON.stringify(typesDefinition).match(/"ja":"[^"]*"(?!,"en")/g);
		expect(untranslated).toBeNull();
	});

	const complete: Answers = {
		transport: { choice: 'other', other: 'タクシー' },
		shopping_place: 'ube',
		worries: ['snow', 'hospital'],
		recommend: '0',
		library: '5',
		parks: { play: { rating: 'good' } },
		years_here: 2,
		bus_stop_km: 0.8,
		last_visit: '2025-03-31',
		priorities: ['transport', 'medical', 'jobs'],
		one_word: '秋吉台'
	};

	it('stores each type as documented', async () => {
		const result = await submit(complete);
		if (!result.ok) throw new Error('refused');
		expect(await storedRows(result.responseId)).toEqual(
			[
				['bus_stop_km', '', null, 0.8, null],
				['last_visit', '', null, null, '2025-03-31'],
				['library', '', '5', null, null],
				['one_word', '', null, null, '秋吉台'],
				['parks', 'play/rating', 'good', null, null],
				['priorities', '1', 'transport', null, null],
				['priorities', '2', 'medical', null, null],
				['priorities', '3', 'jobs', null, null],
				['recommend', '', '0', null, null],
				['shopping_place', '', 'ube', null, null],
				['transport', '', 'other', null, null],
				['transport', 'other', null, null, 'タクシー'],
				['worries', '', 'hospital', null, null],
				['worries', '', 'snow', null, null],
				['years_here', '', null, 2, null]
			].sort(byKey as never)
		);
		const { rows } = await db.owner.query<{ question_key: string; item: string; choice: string }>(
			`select question_key, item, choice from public.rollup_counts
			 where survey_id = $1 and question_key in ('recommend', 'priorities') and choice <> ''
			 order by 1, 2`,
			[survey.surveyId]
		);
		expect(rows).toEqual([
			{ question_key: 'priorities', item: '1', choice: 'transport' },
			{ question_key: 'priorities', item: '2', choice: 'medical' },
			{ question_key: 'priorities', item: '3', choice: 'jobs' },
			{ question_key: 'recommend', item: '', choice: '0' }
		]);
	});

	it.each([
		['an answer to an information block', { scales_intro: 'x' }],
		['「特にない」 with another worry', { worries: ['none', 'snow'] }],
		['「その他」 without its text', { transport: 'other' }],
		['a point off the scale', { recommend: '11' }],
		['a number that is not whole', { years_here: 2.5 }],
		['a number out of range', { years_here: 121 }],
		['a number as text', { years_here: '2' }],
		['a date out of range', { last_visit: '2019-12-31' }],
		['a date that does not exist', { last_visit: '2025-02-29' }],
		['a rank given twice', { priorities: ['jobs', 'jobs', 'medical'] }],
		['too few ranks', { priorities: ['jobs', 'medical'] }],
		['an answer hidden by a numeric condition', { years_here: 30, welcome: 'x' }]
	])('refuses %s, as the form would', async (_, change) => {
		const answers = { ...complete, ...change } as Answers;
		expect(Object.keys(validateSubmission(types, answers))).not.toEqual([]);
		expect(await submit(answers)).toEqual({ ok: false, reason: 'invalid' });
	});
});

describe('SQL and TypeScript', () => {
	it('accept and refuse the same answers to random questionnaires, and store them as documented', async () => {
		await fc.assert(
			fc.asyncProperty(fc.gen(), async (g) => {
				const def = genDefinition(g);
				const valid = genAnswers(g, def);
				for (const answers of [valid, genMistake(g, def, valid), genMistake(g, def, valid)]) {
					const accepted = Object.keys(validateSubmission(def, answers)).length === 0;
					const rows = await sqlRows(def, answers);
					expect(rows !== null, JSON.stringify({ def, answers })).toBe(accepted);
					if (rows) expect(rows.sort(byKey)).toEqual(expectedRows(def, answers).sort(byKey));
				}
			}),
			{ numRuns: 60 }
		);
	});
});
