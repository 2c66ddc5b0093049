/**
 * The sample page renders every outcome of its forms with ids unique on the page
 * and every aria-describedby pointing at something there.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '$lib/i18n';
import { i18nContext } from '$lib/i18n/context';
import Page from './+page.svelte';
import { TEXT_LIMITS } from './forms';
import type { ActionData, PageData } from './$types';

const summary = {
	codes: 3,
	used: 1,
	letters: 3,
	addressed: 2,
	nextLetter: 4,
	ageRanges: [],
	requiresCode: true,
	doubleEntry: false,
	paperTooMany: 'first' as const,
	letterText: '拝啓\n市民の皆さまへ',
	reminderText: '',
	sender: '美祢市 企画政策課'
};
const data = (overrides: Partial<PageData> = {}) =>
	({
		survey: {
			id: '6f1c2a9e-0000-4000-8000-000000000001',
			slug: 'mine-2026',
			title: { ja: '市民意識調査' }
		},
		summary,
		strata: { districts: 8, ageGroups: 6 },
		canIssue: true,
		limits: TEXT_LIMITS,
		...overrides
	}) as PageData;

function page(d: PageData, form: ActionData = null, locale: 'ja' | 'en' = 'ja') {
	return render(Page, {
		props: { data: d, form, params: { id: d.survey.id } },
		context: i18nContext({ locale, t: createTranslator(locale) })
	}).body;
}

function expectWhole(body: string) {
	const ids = [...body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
	expect(new Set(ids).size).toBe(ids.length);
	const references = [...body.matchAll(/aria-describedby="([^"]+)"/g)].flatMap((m) =>
		m[1].split(' ')
	);
	for (const id of references) expect(ids, id).toContain(id);
	for (const m of body.matchAll(/<label[^>]* for="([^"]+)"/g)) expect(ids, m[1]).toContain(m[1]);
	expect(body).not.toMatch(/sample\.[a-zA-Z]+\.[a-zA-Z.]+/);
}

const outcomes: ActionData[] = [
	null,
	{ form: 'settings', saved: true },
	{
		form: 'settings',
		errors: {
			letter_text: 'sample.settings.error.letter_text',
			paper_too_many: 'sample.settings.error.paper_too_many'
		},
		values: {
			requires_code: false,
			double_entry: true,
			paper_too_many: '',
			letter_text: 'x',
			reminder_text: '',
			sender: ''
		}
	},
	{ form: 'import', imported: 3, first: 4, last: 6 },
	{ form: 'import', error: 'sample.import.error.notCsv' },
	{
		form: 'import',
		rowErrors: [
			{ line: 1, column: 'age', problem: 'columns' },
			{ line: 2, column: 'district', problem: 'district', value: '西部' },
			{ line: 3, column: 'age', problem: 'age', value: '' },
			{ line: 4, problem: 'duplicate', otherLine: 2 },
			{ line: 5, column: 'name', problem: 'tooLong', max: 100 }
		],
		cut: true
	},
	{ form: 'import', problems: [{ line: '2', problem: 'duplicate_code' }], cut: false },
	{ form: 'generate', error: 'sample.generate.error.total', count: '500', total: 24000 },
	{ form: 'generate', imported: 48, first: 1, last: 48 },
	{ form: 'forget', error: 'sample.forget.error' },
	{ form: 'forget', forgotten: 3 }
] as ActionData[];

describe('the sample page', () => {
	it.each(outcomes.map((form) => [form?.form ?? 'none', form] as const))(
		'renders whole after %s',
		(_, form) => {
			for (const locale of ['ja', 'en'] as const) expectWhole(page(data(), form, locale));
		}
	);

	it('explains each row problem in words', () => {
		const body = page(data(), outcomes[5]);
		expect(body).toContain('1行目：見出しに「年齢または年代」の列がありません。');
		expect(body).toContain('2行目：地区「西部」は、この市の地区にありません。');
		expect(body).toContain('3行目：年齢が空です。');
		expect(body).toContain('4行目：2行目と同じ人です');
		expect(body).toContain('5行目：氏名が長すぎます（100文字まで）。');
		expect(body).toContain('最初の5件だけ');
	});

	it('keeps what was typed when settings are refused', () => {
		const body = page(data(), outcomes[2]);
		expect(body).toMatch(/<textarea[^>]*id="letter_text"[^>]*>x<\/textarea>/);
		expect(body).toContain('依頼文は4,000文字以内にしてください。');
	});

	it('offers no import or printing without the code secret', () => {
		const body = page(data({ canIssue: false }));
		expect(body).toContain('KOE_CODE_SECRET');
		expect(body).not.toContain('type="file"');
		expect(body).not.toContain('依頼状を開く');
	});

	it('says that letters cannot be printed once mailing details are gone', () => {
		const body = page(data({ summary: { ...summary, letters: 0, addressed: 0, nextLetter: 1 } }));
		expect(body).toContain('郵送先の情報（氏名・住所・整理番号）は削除済みです');
		expect(body).not.toContain('依頼状を開く');
		expect(body).not.toContain('type="file"');
		expect(body).not.toContain('郵送先の情報を削除する');
	});

	it('prints letters 1 to the last by default', () => {
		const body = page(data());
		expect(body).toMatch(/id="print-from"[^>]*value="1"/);
		expect(body).toMatch(/id="print-to"[^>]*value="3"/);
	});
});
