import { describe, expect, it } from 'vitest';
import { readAnswers, validateQuestions, validateSubmission } from './answers';
import { parseDate, parseNumber } from './answer-form';
import { holds, isAnswered, type Answers } from './branching';
import { optionOrder } from './option-order';
import { allQuestions, definition, type Definition, type Question } from './questionnaire';
import { choicesOf, closedQuestions, itemsOf, questionTables } from './tables';

const t = (ja: string) => ({ ja, en: ja });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: t(key) }));

const def: Definition = definition.parse({
	languages: ['ja', 'en'],
	sections: [
		{
			key: 's1',
			title: t('一'),
			questions: [
				{
					key: 'mode',
					type: 'single',
					text: t('手段'),
					options: options('car', 'bus'),
					other: true
				},
				{
					key: 'worries',
					type: 'multi',
					text: t('困りごと'),
					min: 2,
					max: 3,
					other: true,
					options: [
						...options('shops', 'snow', 'doctor'),
						{ ...options('none')[0], exclusive: true }
					]
				},
				{
					key: 'nps',
					type: 'rating',
					text: t('すすめる'),
					points: 11,
					startAt: 0,
					labels: { low: t('低'), middle: t('中'), high: t('高') }
				},
				{
					key: 'stars',
					type: 'rating',
					text: t('満足'),
					points: 5,
					labels: { low: t('不満'), high: t('満足') }
				},
				{
					key: 'years',
					type: 'number',
					text: t('年数'),
					min: 0,
					max: 120,
					integer: true,
					unit: t('年')
				},
				{ key: 'km', type: 'number', text: t('距離'), max: 50 },
				{ key: 'day', type: 'date', text: t('日付'), min: '2020-01-01', max: '2026-12-31' },
				{
					key: 'rank',
					type: 'ranking',
					text: t('順位'),
					options: options('a', 'b', 'c', 'd'),
					top: 3
				},
				{ key: 'note', type: 'info', text: t('お知らせ'), required: true }
			]
		},
		{
			key: 's2',
			title: t('二'),
			questions: [
				{ key: 'newcomer', type: 'text', text: t('新しく'), showIf: { question: 'years', lte: 2 } },
				{ key: 'fan', type: 'text', text: t('推す'), showIf: { question: 'nps', gte: 9 } },
				{
					key: 'by_bus',
					type: 'text',
					text: t('バス'),
					showIf: { question: 'mode', equals: 'other' }
				}
			]
		}
	]
});
const questions = def.sections[0].questions;
const q = (key: string) => allQuestions(def).find((x) => x.key === key)!;
const errorsOf = (answers: Answers) => validateQuestions(questions, answers);

describe('the schema of the new types', () => {
	it('fills in the defaults', () => {
		expect(q('stars')).toMatchObject({ startAt: 1, required: false });
		expect(q('km')).toMatchObject({ integer: false });
	});

	const variant = (change: (questions: Record<string, unknown>[]) => void) => {
		const copy = structuredClone(def) as unknown as {
			sections: { questions: Record<string, unknown>[] }[];
		};
		change(copy.sections[0].questions);
		return definition.safeParse(copy);
	};
	const problem = (result: ReturnType<typeof variant>) =>
		result.error?.issues.map((i): string =>
			i.code === 'custom' ? String(i.params?.problem ?? i.code) : i.code
		);

	it.each([
		['a scale of 12 points', (qs: Record<string, unknown>[]) => (qs[2].points = 12), 'too_big'],
		['a scale from 2', (qs: Record<string, unknown>[]) => (qs[2].startAt = 2), 'invalid_union'],
		[
			'a middle label on an even scale',
			(qs: Record<string, unknown>[]) => (qs[2].points = 10),
			'middle_needs_odd'
		],
		[
			'a minimum above the maximum',
			(qs: Record<string, unknown>[]) => (qs[4].min = 200),
			'min_above_max'
		],
		['an impossible date', (qs: Record<string, unknown>[]) => (qs[6].max = '2026-02-30'), 'custom'],
		[
			'ranking more than there are',
			(qs: Record<string, unknown>[]) => (qs[7].top = 5),
			'top_above_options'
		],
		[
			'an option keyed "other" beside 「その他」',
			(qs: Record<string, unknown>[]) => (qs[0].options = options('car', 'other')),
			'other_key_taken'
		]
	])('refuses %s', (_, change, code) => {
		expect(problem(variant(change))).toContain(code);
	});

	it('refuses conditions that cannot hold for their question', () => {
		const copy = structuredClone(def);
		copy.sections[1].questions[0].showIf = { question: 'mode', gte: 3 };
		copy.sections[1].questions[1].showIf = { question: 'note', answered: true };
		const result = definition.safeParse(copy);
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
			'sections.1.questions.0.showIf',
			'sections.1.questions.1.showIf'
		]);
	});

	it('refuses a stratum that offers free text', () => {
		const copy = { ...structuredClone(def), strata: { district: 'mode' } };
		expect(definition.safeParse(copy).error?.issues[0]).toMatchObject({
			params: { problem: 'stratum_other' }
		});
	});
});

describe('reading the new fields', () => {
	const read = (fields: [string, string][], keys = questions.map((x) => x.key)) => {
		const form = new FormData();
		for (const [name, value] of fields) form.append(name, value);
		return readAnswers(
			keys.map((k) => q(k)),
			form
		);
	};

	it('reads numbers as typed on a Japanese phone, and keeps what is not a number', () => {
		expect(parseNumber('１２')).toBe(12);
		expect(parseNumber(' 1,200.5 ')).toBe(1200.5);
		expect(parseNumber('ー3')).toBe(-3);
		expect(parseNumber('-0')).toBe(0);
		expect(parseNumber('10年')).toBeUndefined();
		expect(
			read([
				['years', '１０'],
				['km', 'たぶん3']
			])
		).toEqual({ years: 10, km: 'たぶん3' });
	});

	it('reads dates from a date picker or typed by hand', () => {
		expect(parseDate('2026-04-01')).toBe('2026-04-01');
		expect(parseDate('2026/4/1')).toBe('2026-04-01');
		expect(parseDate('２０２６年４月１日')).toBe('2026-04-01');
		expect(parseDate('2026-02-30')).toBeUndefined();
		expect(read([['day', '2026/2/30']])).toEqual({ day: '2026/2/30' });
	});

	it('reads ranks in order, keeping a gap so the form can show it again', () => {
		expect(
			read([
				['rank.1', 'b'],
				['rank.2', 'a'],
				['rank.3', 'd']
			])
		).toEqual({ rank: ['b', 'a', 'd'] });
		expect(
			read([
				['rank.1', 'b'],
				['rank.3', 'd']
			])
		).toEqual({ rank: ['b', '', 'd'] });
		expect(read([['rank.1', '']])).toEqual({});
	});

	it('reads 「その他」 with its text; typing the text counts as choosing it', () => {
		expect(
			read([
				['mode', 'other'],
				['mode.other', 'タクシー']
			])
		).toEqual({
			mode: { choice: 'other', other: 'タクシー' }
		});
		expect(read([['mode.other', 'タクシー']])).toEqual({
			mode: { choice: 'other', other: 'タクシー' }
		});
		expect(
			read([
				['mode', 'bus'],
				['mode.other', 'タクシー']
			])
		).toEqual({ mode: 'bus' });
		expect(
			read([
				['mode', 'other'],
				['mode.other', ' ']
			])
		).toEqual({ mode: 'other' });
		expect(
			read([
				['worries', 'snow'],
				['worries.other', '除雪']
			])
		).toEqual({
			worries: { choice: ['snow', 'other'], other: '除雪' }
		});
	});

	it('reads a rating point and never an information block', () => {
		expect(
			read([
				['nps', '0'],
				['note', 'x']
			])
		).toEqual({ nps: '0' });
	});
});

describe('validating the new types', () => {
	it.each([
		[{ years: 'ten' }, 'years', { code: 'not_a_number' }],
		[{ years: 2.5 }, 'years', { code: 'not_integer' }],
		[{ years: -1 }, 'years', { code: 'too_small', values: { min: 0 } }],
		[{ years: 121 }, 'years', { code: 'too_large', values: { max: 120 } }],
		[{ day: '2026/02/30' }, 'day', { code: 'bad_date' }],
		[{ day: '2019-12-31' }, 'day', { code: 'too_early', values: { min: '2020-01-01' } }],
		[{ day: '2027-01-01' }, 'day', { code: 'too_late', values: { max: '2026-12-31' } }],
		[{ rank: ['a', 'a', 'b'] }, 'rank', { code: 'duplicate_rank' }],
		[{ rank: ['a', '', 'b'] }, 'rank', { code: 'rank_incomplete', values: { count: 3 } }],
		[{ rank: ['a', 'b'] }, 'rank', { code: 'rank_incomplete', values: { count: 3 } }],
		[{ rank: ['a', 'b', 'x'] }, 'rank', { code: 'invalid' }],
		[{ worries: ['none', 'snow'] }, 'worries', { code: 'exclusive' }],
		[{ worries: { choice: ['none', 'other'], other: '除雪' } }, 'worries', { code: 'exclusive' }],
		[{ worries: ['snow'] }, 'worries', { code: 'too_few', values: { min: 2 } }],
		[{ worries: ['snow', 'other'] }, 'worries', { code: 'other_missing' }],
		[{ mode: 'other' }, 'mode', { code: 'other_missing' }],
		[{ mode: { choice: 'bus', other: 'x' } }, 'mode', { code: 'invalid' }],
		[
			{ mode: { choice: 'other', other: 'x'.repeat(201) } },
			'mode',
			{ code: 'too_long', values: { max: 200 } }
		],
		[{ nps: '11' }, 'nps', { code: 'invalid' }],
		[{ stars: '0' }, 'stars', { code: 'invalid' }],
		[{ note: 'hello' }, 'note', { code: 'not_shown' }]
	] as [Answers, string, object][])('%j → %s: %j', (answers, field, error) => {
		expect(errorsOf(answers)[field]).toEqual(error);
	});

	it('accepts good answers of every type, and an exclusive option alone despite a minimum', () => {
		expect(
			errorsOf({
				mode: { choice: 'other', other: 'タクシー' },
				worries: ['none'],
				nps: '10',
				stars: '1',
				years: 0,
				km: 2.5,
				day: '2024-02-29',
				rank: ['d', 'a', 'c']
			})
		).toEqual({});
	});

	it('never requires an information block, even marked required', () => {
		expect(errorsOf({})).toEqual({});
	});

	it('counts blank text as unanswered, as SQL does', () => {
		expect(isAnswered('\u3000\n')).toBe(false);
		expect(isAnswered(0)).toBe(true);
		expect(isAnswered({ choice: [], other: 'x' })).toBe(false);
		expect(isAnswered({ choice: 'other', other: '' })).toBe(true);
	});
});

describe('conditions on the new types', () => {
	it('compares numbers and rating points, and sees 「その他」 as its choice', () => {
		expect(holds({ question: 'years', lte: 2 }, { years: 2 })).toBe(true);
		expect(holds({ question: 'years', lte: 2 }, { years: 'two' })).toBe(false);
		expect(holds({ question: 'nps', gte: 9 }, { nps: '9' })).toBe(true);
		expect(holds({ question: 'nps', gte: 9 }, {})).toBe(false);
		expect(
			holds({ question: 'mode', equals: 'other' }, { mode: { choice: 'other', other: 'x' } })
		).toBe(true);
		expect(
			holds(
				{ question: 'worries', includes: 'snow' },
				{ worries: { choice: ['snow', 'other'], other: 'x' } }
			)
		).toBe(true);
	});

	it('refuses answers to questions the new conditions hide', () => {
		const base = { mode: 'car', worries: ['none'], nps: '3', years: 30, rank: ['a', 'b', 'c'] };
		expect(validateSubmission(def, { ...base, fan: 'いいね' }).fan).toEqual({ code: 'not_shown' });
		expect(validateSubmission(def, { ...base, nps: '9', fan: 'いいね' })).toEqual({});
	});
});

describe('option order', () => {
	const worries = q('worries') as Extract<Question, { type: 'multi' }>;
	const keys = (session: string) =>
		optionOrder(worries.options, true, session, 'worries').map((o) => o.key);

	it('is the same for one session, differs between sessions, and keeps 「特にない」 in place', () => {
		expect(keys('session-a')).toEqual(keys('session-a'));
		const orders = new Set(Array.from({ length: 20 }, (_, i) => keys(`session-${i}`).join()));
		expect(orders.size).toBeGreaterThan(1);
		for (const order of orders) {
			expect(order.split(',').sort()).toEqual(['doctor', 'none', 'shops', 'snow']);
			expect(order.split(',')[3]).toBe('none');
		}
		expect(optionOrder(worries.options, false, 'x', 'worries')).toBe(worries.options);
	});
});

describe('tables of the new types', () => {
	it('count ratings by point and rankings by rank; numbers and dates are not tabulated', () => {
		expect(closedQuestions(def).map((x) => x.key)).toEqual([
			'mode',
			'worries',
			'nps',
			'stars',
			'rank'
		]);
		const stars = closedQuestions(def).find((x) => x.key === 'stars')!;
		expect(choicesOf(stars).map((c) => c.label.ja)).toEqual([
			'1（不満）',
			'2',
			'3',
			'4',
			'5（満足）'
		]);
		const nps = closedQuestions(def).find((x) => x.key === 'nps')!;
		expect(choicesOf(nps)[5].label.en).toBe('5 (中)');
		const mode = closedQuestions(def).find((x) => x.key === 'mode')!;
		expect(choicesOf(mode).map((c) => c.key)).toEqual(['car', 'bus', 'other']);
		const rank = closedQuestions(def).find((x) => x.key === 'rank')!;
		expect(itemsOf(rank, 'ja')).toEqual([
			{ item: '1', title: '1位' },
			{ item: '2', title: '2位' },
			{ item: '3', title: '3位' }
		]);
		const tables = questionTables(
			rank,
			[
				{ question_key: 'rank', item: '1', choice: '', n: 4 },
				{ question_key: 'rank', item: '1', choice: 'b', n: 3 },
				{ question_key: 'rank', item: '1', choice: 'a', n: 1 }
			],
			5,
			'en'
		);
		expect(tables[0]).toMatchObject({ title: 'Rank 1', noAnswer: 1 });
		expect(tables[0].rows.map((r) => r.n)).toEqual([1, 3, 0, 0]);
	});
});
