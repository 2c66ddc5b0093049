import { describe, expect, it } from 'vitest';
import { differences, paperFields, readPaperSheet, sheetToFields } from './paper-entry';
import { definition, type Definition } from './questionnaire';

const t = (ja: string) => ({ ja });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: t(key) }));

/** One question of every type, as a paper sheet would print them. */
const def: Definition = definition.parse({
	languages: ['ja'],
	sections: [
		{
			key: 's1',
			title: t('一'),
			questions: [
				{
					key: 'mode',
					type: 'single',
					text: t('通勤手段'),
					required: true,
					options: options('car', 'bus', 'train'),
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
						...options('shops', 'snow', 'doctor', 'bus'),
						{ key: 'none', label: t('特にない'), exclusive: true }
					]
				},
				{ key: 'intro', type: 'info', text: t('次は施策について') },
				{
					key: 'nps',
					type: 'rating',
					text: t('おすすめ度'),
					points: 11,
					startAt: 0,
					labels: { low: t('低'), high: t('高') }
				},
				{
					key: 'priorities',
					type: 'ranking',
					text: t('優先順位'),
					top: 2,
					options: options('roads', 'care', 'schools', 'parks')
				}
			]
		},
		{
			key: 's2',
			title: t('二'),
			questions: [
				{
					key: 'grid',
					type: 'matrix',
					text: t('満足度'),
					required: true,
					rows: options('care', 'roads'),
					dimensions: options('sat'),
					scale: options('1', '2', '3', '4', '5')
				},
				{
					key: 'dual',
					type: 'matrix',
					text: t('満足度と重要度'),
					rows: options('care'),
					dimensions: options('sat', 'imp'),
					scale: options('1', '2', '3')
				},
				{ key: 'household', type: 'number', text: t('世帯人数'), integer: true, min: 1, max: 20 },
				{ key: 'moved', type: 'date', text: t('転入日'), min: '1950-01-01', max: '2026-12-31' },
				{
					key: 'train_line',
					type: 'text',
					text: t('路線'),
					maxLength: 10,
					showIf: { question: 'mode', equals: 'train' }
				},
				{ key: 'comment', type: 'text', text: t('ご意見'), multiline: true, maxLength: 20 }
			]
		}
	]
});

const read = (fields: Record<string, string>, tooMany: 'first' | 'invalid' = 'invalid') =>
	readPaperSheet(def, fields, { tooMany });

describe('the paper form', () => {
	it('has one field per answer box, in questionnaire order, and none for info', () => {
		expect(paperFields(def).map((f) => [f.name, f.kind, f.options, f.first])).toEqual([
			['mode', 'choice', 4, 1],
			['mode.other', 'other', undefined, undefined],
			['worries', 'multiple', 6, 1],
			['worries.other', 'other', undefined, undefined],
			['nps', 'choice', 11, 0],
			['priorities', 'ranking', 4, 1],
			['grid.care', 'matrixRow', 5, 1],
			['grid.roads', 'matrixRow', 5, 1],
			['dual.care.sat', 'matrixRow', 3, 1],
			['dual.care.imp', 'matrixRow', 3, 1],
			['household', 'number', undefined, undefined],
			['moved', 'date', undefined, undefined],
			['train_line', 'text', undefined, undefined],
			['comment', 'text', undefined, undefined]
		]);
	});

	it('labels each field with the printed choices and limits', () => {
		const [mode, , worries, , , priorities, care, , dualSat] = paperFields(def);
		expect(mode.choices?.map((c) => c.ja)).toEqual(['car', 'bus', 'train', 'その他']);
		expect(worries.max).toBe(3);
		expect(priorities.max).toBe(2);
		expect(care).toMatchObject({ row: { key: 'care' }, text: t('満足度') });
		expect(care.dimension).toBeUndefined();
		expect(dualSat.dimension?.key).toBe('sat');
	});
});

describe('reading a keyed sheet', () => {
	it('reads nothing from a blank sheet, without asking for required answers', () => {
		expect(read({})).toEqual({ answers: {}, errors: {}, notes: [] });
		expect(read({ mode: ' ', grid: '　' })).toEqual({ answers: {}, errors: {}, notes: [] });
	});

	it('reads a single choice by its printed number, full-width too', () => {
		expect(read({ mode: '2' }).answers).toEqual({ mode: 'bus' });
		expect(read({ mode: '３' }).answers).toEqual({ mode: 'train' });
		expect(read({ mode: '4', 'mode.other': '自転車' }).answers).toEqual({
			mode: { choice: 'other', other: '自転車' }
		});
	});

	it('counts writing in 「その他」 as ticking it, and drops a tick with nothing written', () => {
		expect(read({ 'mode.other': '徒歩' }).answers).toEqual({
			mode: { choice: 'other', other: '徒歩' }
		});
		expect(read({ mode: '4' })).toEqual({
			answers: {},
			errors: {},
			notes: [{ key: 'mode', kind: 'otherBlank' }]
		});
		expect(read({ worries: '1 2 6' }).answers.worries).toEqual(['shops', 'snow']);
	});

	it('treats two ticks on a single choice by the rules', () => {
		expect(read({ mode: '1 2' })).toEqual({
			answers: {},
			errors: {},
			notes: [{ key: 'mode', kind: 'tooMany' }]
		});
		expect(read({ mode: '2 1' }, 'first').answers).toEqual({ mode: 'bus' });
		// A tick plus text in 「その他」's box is two answers as well.
		expect(read({ mode: '1', 'mode.other': '徒歩' }, 'first').answers).toEqual({ mode: 'car' });
		expect(read({ mode: '1', 'mode.other': '徒歩' }).answers).toEqual({});
	});

	it('refuses numbers that are not printed options as the clerk’s mistake', () => {
		for (const typo of ['5', '0', 'a', '1 9', '-1']) {
			expect(read({ mode: typo })).toEqual({
				answers: {},
				errors: { mode: 'notAnOption' },
				notes: []
			});
		}
	});

	it('treats ? as unreadable, in any field', () => {
		expect(read({ mode: '?', worries: '1 ？', household: '3?', comment: '？' })).toEqual({
			answers: {},
			errors: {},
			notes: [
				{ key: 'mode', kind: 'unreadable' },
				{ key: 'worries', kind: 'unreadable' },
				{ key: 'household', kind: 'unreadable' },
				{ key: 'comment', kind: 'unreadable' }
			]
		});
		expect(read({ comment: 'なぜ?' }).answers).toEqual({ comment: 'なぜ?' });
	});

	it('reads a multiple choice with any separator, in printed order', () => {
		for (const keyed of ['1 3', '1,3', '1、3', '1.3', '３　１', '1・3', ' 1,,3 ']) {
			expect(read({ worries: keyed }).answers).toEqual({ worries: ['shops', 'doctor'] });
		}
		expect(read({ worries: '2 6', 'worries.other': '雪かき' }).answers).toEqual({
			worries: { choice: ['snow', 'other'], other: '雪かき' }
		});
	});

	it('applies a multiple choice’s limits: max, 「特にない」 alone, min', () => {
		expect(read({ worries: '1 2 3 4' }).notes).toEqual([{ key: 'worries', kind: 'tooMany' }]);
		expect(read({ worries: '1 2 3 4' }).answers).toEqual({});
		expect(read({ worries: '4 1 2 3' }, 'first').answers).toEqual({
			worries: ['shops', 'snow', 'bus']
		});
		expect(read({ worries: '1 2 5' }, 'first').answers).toEqual({ worries: ['shops', 'snow'] });
		expect(read({ worries: '5 1' }, 'first').answers).toEqual({ worries: ['none'] });
		expect(read({ worries: '5' }).answers).toEqual({ worries: ['none'] });
		expect(read({ worries: '2' })).toEqual({
			answers: {},
			errors: {},
			notes: [{ key: 'worries', kind: 'tooFew' }]
		});
		expect(read({ worries: '2 2' }).notes).toEqual([{ key: 'worries', kind: 'tooFew' }]);
	});

	it('reads a rating by the point printed, from 0', () => {
		expect(read({ nps: '0' }).answers).toEqual({ nps: '0' });
		expect(read({ nps: '１０' }).answers).toEqual({ nps: '10' });
		expect(read({ nps: '11' }).errors).toEqual({ nps: 'notAnOption' });
		expect(read({ nps: '3 4' }, 'first').answers).toEqual({ nps: '3' });
	});

	it('reads a ranking in rank order, complete to its top', () => {
		expect(read({ priorities: '3 1' }).answers).toEqual({ priorities: ['schools', 'roads'] });
		expect(read({ priorities: '3' }).notes).toEqual([{ key: 'priorities', kind: 'tooFew' }]);
		expect(read({ priorities: '3 1 2' }, 'first').answers).toEqual({
			priorities: ['schools', 'roads']
		});
		expect(read({ priorities: '3 1 2' }).answers).toEqual({});
		// The same option at two ranks: the ranks after it are not what was written.
		expect(read({ priorities: '3 3 1' }, 'first').notes).toEqual([
			{ key: 'priorities', kind: 'tooMany' },
			{ key: 'priorities', kind: 'tooFew' }
		]);
	});

	it('reads a matrix row by row, and a dual matrix cell by cell', () => {
		const sheet = read({ 'grid.care': '5', 'grid.roads': '9', 'dual.care.imp': '1 2' });
		expect(sheet.answers).toEqual({ grid: { care: { sat: '5' } } });
		expect(sheet.errors).toEqual({ 'grid.roads': 'notAnOption' });
		expect(sheet.notes).toEqual([{ key: 'dual.care.imp', kind: 'tooMany' }]);
		expect(read({ 'dual.care.sat': '3', 'dual.care.imp': '1' }).answers).toEqual({
			dual: { care: { sat: '3', imp: '1' } }
		});
	});

	it('reads a number, refusing what is no number or out of range', () => {
		expect(read({ household: '４' }).answers).toEqual({ household: 4 });
		expect(read({ household: 'four' }).errors).toEqual({ household: 'notANumber' });
		expect(read({ household: '2.5' }).errors).toEqual({ household: 'notANumber' });
		expect(read({ household: '21' }).errors).toEqual({ household: 'outOfRange' });
		expect(read({ household: '0' }).answers).toEqual({});
	});

	it('reads a date with or without dashes, refusing impossible or out-of-range ones', () => {
		for (const keyed of ['2020-04-01', '20200401', '２０２００４０１', '2020/4/1']) {
			expect(read({ moved: keyed }).answers).toEqual({ moved: '2020-04-01' });
		}
		expect(read({ moved: '20230229' }).errors).toEqual({ moved: 'badDate' });
		expect(read({ moved: 'R2.4.1' }).errors).toEqual({ moved: 'badDate' });
		expect(read({ moved: '19491231' }).errors).toEqual({ moved: 'outOfRange' });
	});

	it('keeps text as typed, within its length', () => {
		expect(read({ comment: ' 公園を\r\n増やして ' }).answers).toEqual({
			comment: ' 公園を\n増やして '
		});
		expect(read({ comment: '１２３' }).answers).toEqual({ comment: '１２３' });
		expect(read({ comment: 'あ'.repeat(21) }).errors).toEqual({ comment: 'tooLong' });
		expect(read({ 'mode.other': 'あ'.repeat(201) }).errors).toEqual({ 'mode.other': 'tooLong' });
	});

	it('drops answers to questions the branching skips', () => {
		expect(read({ mode: '1', train_line: '山手線' })).toEqual({
			answers: { mode: 'car' },
			errors: {},
			notes: [{ key: 'train_line', kind: 'hidden' }]
		});
		expect(read({ mode: '3', train_line: '山手線' }).answers).toEqual({
			mode: 'train',
			train_line: '山手線'
		});
	});
});

describe('keyed fields for review', () => {
	const answers = {
		mode: { choice: 'other', other: '自転車' },
		worries: ['snow', 'bus'],
		nps: '0',
		priorities: ['parks', 'care'],
		grid: { roads: { sat: '4' } },
		dual: { care: { sat: '1', imp: '3' } },
		household: 3,
		moved: '2001-02-03',
		comment: 'ありがとう'
	};

	it('keys every field the one canonical way, blank for 無回答', () => {
		expect(sheetToFields(def, answers)).toEqual({
			mode: '4',
			'mode.other': '自転車',
			worries: '2 4',
			'worries.other': '',
			nps: '0',
			priorities: '4 2',
			'grid.care': '',
			'grid.roads': '4',
			'dual.care.sat': '1',
			'dual.care.imp': '3',
			household: '3',
			moved: '2001-02-03',
			train_line: '',
			comment: 'ありがとう'
		});
	});

	it('reads back what it keyed', () => {
		expect(read(sheetToFields(def, answers))).toEqual({ answers, errors: {}, notes: [] });
	});
});

describe('double entry', () => {
	const first = { mode: '2', worries: '1 3', priorities: '2 1', moved: '20010203', comment: 'a' };

	it('agrees on fields read alike, however typed', () => {
		const second = {
			mode: '２',
			worries: '３、１',
			priorities: '2,1',
			moved: '2001-02-03',
			comment: 'a'
		};
		expect(differences(def, first, second)).toEqual([]);
	});

	it('lists the fields read differently, in form order', () => {
		const second = { ...first, comment: 'b', mode: '1', priorities: '1 2' };
		expect(differences(def, first, second)).toEqual(['mode', 'priorities', 'comment']);
	});

	it('tells unreadable and mistyped fields from blank ones', () => {
		expect(differences(def, { nps: '?' }, {})).toEqual(['nps']);
		expect(differences(def, { nps: '12' }, {})).toEqual(['nps']);
		expect(differences(def, { nps: '12' }, { nps: '１２' })).toEqual([]);
	});

	it('compares what the rules make of extra ticks', () => {
		expect(differences(def, { mode: '1 2' }, { mode: '1 3' })).toEqual([]);
		expect(differences(def, { mode: '1 2' }, { mode: '1 3' }, { tooMany: 'first' })).toEqual([]);
		expect(differences(def, { mode: '1 2' }, { mode: '2 1' }, { tooMany: 'first' })).toEqual([
			'mode'
		]);
	});
});
