import { describe, expect, it } from 'vitest';
import { createTranslator } from '$lib/i18n';
import { definition } from '../questionnaire';
import { codebookColumns, codebookRows, rawRows, type RawResponse } from './raw';

const ja = createTranslator('ja');
const t = (text: string) => ({ ja: text, en: text });
const opts = (...keys: string[]) => keys.map((key) => ({ key, label: t(`${key}!`) }));
const def = definition.parse({
	languages: ['ja', 'en'],
	strata: { district: 'district' },
	sections: [
		{
			key: 's',
			title: t('s'),
			questions: [
				{ key: 'district', type: 'single', text: t('地区'), options: opts('n', 's') },
				{
					key: 'stay',
					type: 'single',
					text: t('住み続けたい'),
					options: opts('y', 'n'),
					other: true
				},
				{ key: 'why', type: 'multi', text: t('理由'), options: opts('a', 'b') },
				{
					key: 'grid',
					type: 'matrix',
					text: t('施策'),
					rows: opts('care'),
					dimensions: opts('sat', 'imp'),
					scale: opts('1', '2')
				},
				{ key: 'top', type: 'ranking', text: t('順位'), options: opts('x', 'y', 'z'), top: 2 },
				{ key: 'years', type: 'number', text: t('年数') },
				{ key: 'note', type: 'text', text: t('ご意見') },
				{ key: 'hello', type: 'info', text: t('こんにちは') }
			]
		}
	]
});

const response: RawResponse = {
	response_no: 1,
	district: 'n',
	age_group: '',
	source: 'paper',
	language: 'ja',
	submitted_on: '2026-12-01',
	answers: [
		{ question_key: 'district', item: '', choice: 'n', number: null, text_value: null },
		{ question_key: 'stay', item: '', choice: 'other', number: null, text_value: null },
		{ question_key: 'stay', item: 'other', choice: null, number: null, text_value: '=HYPERLINK()' },
		{ question_key: 'why', item: '', choice: 'b', number: null, text_value: null },
		{ question_key: 'grid', item: 'care/imp', choice: '2', number: null, text_value: null },
		{ question_key: 'top', item: '1', choice: 'z', number: null, text_value: null },
		{ question_key: 'years', item: '', choice: null, number: 12.5, text_value: null }
	]
};

describe('the raw response file', () => {
	const columns = codebookColumns(def, 'ja', ja);

	it('has a column per answer item, after the response’s own fields', () => {
		const [header] = rawRows(columns, []);
		expect(header).toEqual([
			'response_no',
			'district',
			'age_group',
			'source',
			'language',
			'submitted_on',
			'district',
			'stay',
			'stay.other',
			'why.a',
			'why.b',
			'grid.care/sat',
			'grid.care/imp',
			'top.1',
			'top.2',
			'years',
			'note'
		]);
	});

	it('puts each answer in its column, empty where nothing was answered', () => {
		const [, row] = rawRows(columns, [response]);
		expect(row).toEqual([
			1,
			'n',
			'',
			'paper',
			'ja',
			'2026-12-01',
			'n',
			'other',
			'=HYPERLINK()',
			0,
			1,
			null,
			'2',
			'z',
			null,
			12.5,
			null
		]);
		// Multiple choice not answered at all is empty, not "not chosen".
		const [, blank] = rawRows(columns, [{ ...response, answers: [] }]);
		expect(blank.slice(9, 11)).toEqual([null, null]);
	});
});

describe('the codebook', () => {
	it('lists each column with its question, type, item and codes', () => {
		const columns = codebookColumns(def, 'ja', ja);
		const strata = { districts: [{ code: 'n', name: { ja: '北' } }], ageGroups: [] };
		const rows = codebookRows(columns, strata, def, 'ja', ja);
		expect(rows[0]).toEqual(['列名', '質問キー', '質問', '形式', '項目', 'コード', '内容']);
		expect(rows).toContainEqual(['district', 'district', '地区', '回答の情報', '', 'n', '北']);
		expect(rows).toContainEqual(['source', '', '回答方法', '回答の情報', '', 'paper', '紙']);
		expect(rows).toContainEqual([
			'stay',
			'stay',
			'住み続けたい',
			'単一回答',
			'',
			'other',
			'その他'
		]);
		expect(rows).toContainEqual(['why.a', 'why', '理由：a!', '複数回答', 'a', '1', '選んだ']);
		expect(rows).toContainEqual([
			'grid.care/imp',
			'grid',
			'施策：care! — imp!',
			'マトリクス',
			'care/imp',
			'2',
			'2!'
		]);
		expect(rows).toContainEqual(['years', 'years', '年数', '数値', '', null, null]);
		expect(rows.some((r) => r[0] === 'hello')).toBe(false);
	});
});
