import { describe, expect, it } from 'vitest';
import { createTranslator } from '$lib/i18n';
import { sampleDefinition } from '../fixtures';
import { HIDDEN } from './cells';
import { simpleTable } from './results';
import {
	crosstabQuestions,
	questionCrosstabRows,
	resultSheets,
	type SurveyResults
} from './workbook';

const ja = createTranslator('ja');
const en = createTranslator('en');

const results: SurveyResults = {
	title: { ja: '市民意識調査', en: 'Residents survey' },
	organization: { ja: '美祢市' },
	definition: sampleDefinition,
	respondents: 10,
	counts: [
		{ question_key: 'stay', item: '', choice: '', n: 9 },
		{ question_key: 'stay', item: '', choice: 'yes', n: 6 },
		{ question_key: 'stay', item: '', choice: 'no', n: 3 }
	],
	strata: [
		{ district: 'north', age_group: 'old', n: 7 },
		{ district: 'north', age_group: 'young', n: null },
		{ district: 'south', age_group: 'old', n: null }
	],
	districts: [
		{ code: 'north', name: { ja: '北', en: 'North' } },
		{ code: 'south', name: { ja: '南', en: 'South' } }
	],
	ageGroups: [
		{ code: 'young', name: { ja: '若い' } },
		{ code: 'old', name: { ja: '高齢' } }
	],
	crosstabs: {
		stay: [
			{ district: 'north', age_group: 'old', item: '', choice: '', n: 7 },
			{ district: 'north', age_group: 'old', item: '', choice: 'yes', n: 5 },
			{ district: 'north', age_group: 'old', item: '', choice: 'no', n: null },
			{ district: 'north', age_group: 'young', item: '', choice: 'no', n: null }
		]
	},
	k: 5,
	opensAt: '2026-03-31T15:00:00Z',
	closesAt: null
};

describe('単純集計 as one table', () => {
	it('has a row per choice and one for no answer, with percentages of respondents', () => {
		const rows = simpleTable(sampleDefinition, results.counts, 10, 'ja', ja);
		expect(rows[0]).toEqual([
			'質問キー',
			'質問',
			'項目',
			'選択肢コード',
			'選択肢',
			'件数',
			'割合（%）',
			'回答者数'
		]);
		const stay = rows.filter((r) => r[0] === 'stay');
		expect(stay).toEqual([
			['stay', '住み続けたいですか', '', 'yes', 'yes', 6, 60, 10],
			['stay', '住み続けたいですか', '', 'no', 'no', 3, 30, 10],
			['stay', '住み続けたいですか', '', '', '無回答', 1, 10, 10]
		]);
		// Every closed question is there, matrix cells as items.
		expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(
			new Set(['district', 'age', 'stay', 'why_leave', 'grid'])
		);
		expect(rows.some((r) => r[0] === 'grid' && r[2] === 'care — satisfaction')).toBe(true);
	});
});

describe('cross-tabs', () => {
	it('mark hidden figures with * and explain k under the table', () => {
		const stay = crosstabQuestions(sampleDefinition).find((q) => q.key === 'stay')!;
		const rows = questionCrosstabRows(results, stay, 'ja', ja);
		expect(rows[0]).toEqual(['住み続けたいですか']);
		expect(rows[1]).toEqual([
			'地区',
			'年代',
			'回答者数',
			'yes',
			'yes 割合（%）',
			'no',
			'no 割合（%）',
			'無回答'
		]);
		const northOld = rows.find((r) => r[0] === '北' && r[1] === '高齢')!;
		expect(northOld).toEqual(['北', '高齢', 7, 5, 71.4, HIDDEN, HIDDEN, 0]);
		const northYoung = rows.find((r) => r[0] === '北' && r[1] === '若い')!;
		expect(northYoung[2]).toBe(HIDDEN);
		expect(rows.find((r) => r[0] === '北' && r[1] === '小計')?.[2]).toBe(HIDDEN);
		expect(rows.at(-1)?.[0]).toMatch(/回答が5件未満の区分/);
	});

	it('leave out the questions that give the strata', () => {
		expect(crosstabQuestions(sampleDefinition).map((q) => q.key)).toEqual([
			'stay',
			'why_leave',
			'grid'
		]);
	});
});

describe('the results workbook', () => {
	it('has a cover, a sheet per closed question and one per cross-tab, in the reader’s language', () => {
		const sheets = resultSheets(results, 'en', '2026-12-02', en);
		expect(sheets.map((s) => s.name)).toEqual([
			'Cover',
			'Results district',
			'Results age',
			'Results stay',
			'Results why_leave',
			'Results grid',
			'Cross-tab stay',
			'Cross-tab why_leave',
			'Cross-tab grid'
		]);
		const cover = sheets[0].rows;
		expect(cover[0]).toEqual(['Residents survey']);
		expect(cover).toContainEqual(['Responses', 10]);
		expect(cover).toContainEqual(['Created', '2026-12-02']);
		// The survey opened at midnight in Japan: its date there, not in UTC.
		expect(cover).toContainEqual(['Survey period', '2026-04-01 – not set']);
		expect(cover).toContainEqual(['Languages offered', 'Japanese、English']);
		expect(sheets[3].rows).toContainEqual(['yes', 6, 60]);
	});
});
