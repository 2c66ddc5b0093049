import { describe, expect, it } from 'vitest';
import { paperFields } from '$lib/domain/paper-entry';
import { allQuestions, definition, type Definition } from '$lib/domain/questionnaire';
import { errorMessage, fieldGroups, fieldHint, fieldId, fieldLabel, inputName } from './paper-form';

const t = (ja: string) => ({ ja, en: `${ja} (en)` });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: t(key) }));

const def: Definition = definition.parse({
	languages: ['ja', 'en'],
	sections: [
		{
			key: 's1',
			title: t('一'),
			questions: [
				{ key: 'intro', type: 'info', text: t('はじめに') },
				{
					key: 'mode',
					type: 'single',
					text: t('通勤手段'),
					options: options('car', 'bus'),
					other: true
				},
				{
					key: 'worries',
					type: 'multi',
					text: t('困りごと'),
					max: 2,
					options: options('a', 'b', 'c')
				},
				{ key: 'likes', type: 'multi', text: t('好きなもの'), options: options('a', 'b') },
				{
					key: 'nps',
					type: 'rating',
					text: t('おすすめ度'),
					points: 11,
					startAt: 0,
					labels: { low: t('低'), high: t('高') }
				},
				{ key: 'rank', type: 'ranking', text: t('順位'), top: 2, options: options('x', 'y', 'z') }
			]
		},
		{
			key: 's2',
			title: t('二'),
			questions: [
				{
					key: 'dual',
					type: 'matrix',
					text: t('満足度と重要度'),
					rows: options('care', 'roads'),
					dimensions: options('sat', 'imp'),
					scale: options('1', '2', '3')
				},
				{ key: 'household', type: 'number', text: t('世帯人数'), integer: true, min: 1, max: 20 },
				{ key: 'age', type: 'number', text: t('年齢'), min: 18 },
				{ key: 'moved', type: 'date', text: t('転入日'), max: '2026-12-31' },
				{ key: 'comment', type: 'text', text: t('ご意見'), maxLength: 20 }
			]
		}
	]
});

const fields = paperFields(def);
const groups = fieldGroups(def, fields);
const group = (key: string) => groups.find((g) => g.question.key === key)!;
const field = (name: string) => fields.find((f) => f.name === name)!;
const question = (key: string) => allQuestions(def).find((q) => q.key === key)!;
const translate = (key: string, values?: Record<string, unknown>) =>
	`${key}${values ? JSON.stringify(values) : ''}`;

describe('the fields, grouped by question', () => {
	it('numbers the questions that take answers, and keeps each one’s fields together', () => {
		expect(groups.map((g) => [g.number, g.question.key, g.fields.map((f) => f.name)])).toEqual([
			[1, 'mode', ['mode', 'mode.other']],
			[2, 'worries', ['worries']],
			[3, 'likes', ['likes']],
			[4, 'nps', ['nps']],
			[5, 'rank', ['rank']],
			[6, 'dual', ['dual.care.sat', 'dual.care.imp', 'dual.roads.sat', 'dual.roads.imp']],
			[7, 'household', ['household']],
			[8, 'age', ['age']],
			[9, 'moved', ['moved']],
			[10, 'comment', ['comment']]
		]);
	});

	it('lists the printed numbers with their labels, and a rating’s ends', () => {
		expect(group('mode').legend.map((l) => [l.number, l.label.ja])).toEqual([
			[1, 'car'],
			[2, 'bus'],
			[3, 'その他']
		]);
		expect(group('nps').legend.map((l) => [l.number, l.label.ja])).toEqual([
			[0, '低'],
			[10, '高']
		]);
		expect(group('dual').legend).toHaveLength(3);
		expect(group('comment').legend).toEqual([]);
	});

	it('labels a field by its number and row, dimension or question text', () => {
		const label = (name: string, locale = 'ja') =>
			fieldLabel(group(field(name).questionKey), field(name), locale, translate);
		expect(label('mode')).toBe('paper.field.number{"number":1} 通勤手段');
		expect(label('mode.other')).toBe('paper.field.number{"number":1} paper.field.otherText');
		expect(label('dual.roads.imp', 'en')).toBe(
			'paper.field.number{"number":6} roads (en) — imp (en)'
		);
	});

	it('gives every input an id and a form name that no question key can take', () => {
		expect(fieldId('dual.care.sat')).toBe('f-dual-care-sat');
		expect(fieldId('mode', 's2-')).toBe('s2-f-mode');
		expect(inputName('code')).toBe('f:code');
	});
});

describe('hints and messages', () => {
	const hint = (name: string) => fieldHint(field(name), question(field(name).questionKey));
	const error = (name: string, e: Parameters<typeof errorMessage>[2]) =>
		errorMessage(field(name), question(field(name).questionKey), e);

	it('says which numbers are valid, how many, and that ? is unreadable', () => {
		expect(hint('mode')).toEqual([
			{ key: 'paper.hint.range', values: { first: 1, last: 3 } },
			{ key: 'paper.hint.unreadable' }
		]);
		expect(hint('nps')[0]).toEqual({ key: 'paper.hint.range', values: { first: 0, last: 10 } });
		expect(hint('worries')[0]).toEqual({
			key: 'paper.hint.multipleMax',
			values: { first: 1, last: 3, max: 2 }
		});
		expect(hint('likes')[0]).toEqual({ key: 'paper.hint.multiple', values: { first: 1, last: 2 } });
		expect(hint('rank')[0]).toEqual({
			key: 'paper.hint.ranking',
			values: { first: 1, last: 3, max: 2 }
		});
		expect(hint('dual.care.imp')[0]).toEqual({
			key: 'paper.hint.range',
			values: { first: 1, last: 3 }
		});
	});

	it('gives numbers their bounds, and text no unreadable hint', () => {
		expect(hint('household')[0]).toEqual({
			key: 'paper.hint.numberBetween',
			values: { min: '1', max: '20' }
		});
		expect(hint('age')[0]).toEqual({ key: 'paper.hint.numberAtLeast', values: { min: '18' } });
		expect(hint('moved')[0]).toEqual({ key: 'paper.hint.date' });
		expect(hint('comment')).toEqual([{ key: 'paper.hint.text' }]);
		expect(hint('mode.other')).toEqual([{ key: 'paper.hint.text' }]);
	});

	it('explains each kind of keystroke error with what would be right', () => {
		expect(error('mode', 'notAnOption')).toEqual({
			key: 'paper.error.notAnOption',
			values: { first: 1, last: 3 }
		});
		expect(error('worries', 'notAnOption').key).toBe('paper.error.notAnOptionMany');
		expect(error('household', 'notANumber').key).toBe('paper.error.notAnInteger');
		expect(error('age', 'notANumber').key).toBe('paper.error.notANumber');
		expect(error('household', 'outOfRange')).toEqual({
			key: 'paper.error.outOfRangeBetween',
			values: { min: '1', max: '20' }
		});
		expect(error('moved', 'outOfRange')).toEqual({
			key: 'paper.error.outOfRangeAtMost',
			values: { max: '2026-12-31' }
		});
		expect(error('moved', 'badDate').key).toBe('paper.error.badDate');
		expect(error('comment', 'tooLong')).toEqual({
			key: 'paper.error.tooLong',
			values: { max: 20 }
		});
		expect(error('mode.other', 'tooLong')).toEqual({
			key: 'paper.error.tooLong',
			values: { max: 200 }
		});
	});
});
