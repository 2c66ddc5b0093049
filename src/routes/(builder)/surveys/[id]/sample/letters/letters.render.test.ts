/** The printed letters: one per letter, its code grouped and in data-code, its QR an inline SVG. */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { groupCode } from '$lib/domain/invitation-code';
import { createTranslator } from '$lib/i18n';
import { i18nContext } from '$lib/i18n/context';
import { deriveCode, qrUrl } from '$lib/server/samples/codes';
import { qrSvg } from '../print.server';
import Page from './+page.svelte';
import type { PageData } from './$types';

const surveyId = '6f1c2a9e-0000-4000-8000-000000000001';
const origin = 'https://koe.example.jp';

async function letter(letterNo: number, name: string | null, address: string | null) {
	const code = deriveCode('test-secret', surveyId, letterNo);
	return {
		letterNo,
		name,
		postalCode: address ? '759-2292' : null,
		address,
		code,
		grouped: groupCode(code),
		qr: await qrSvg(qrUrl(origin, 'mine-2026', code))
	};
}

async function page(overrides: Partial<PageData> = {}, locale: 'ja' | 'en' = 'ja') {
	const data = {
		survey: { id: surveyId, slug: 'mine-2026', title: { ja: '市民意識調査', en: 'Survey' } },
		range: { from: 1, to: 2 },
		forgotten: false,
		noSecret: false,
		surveyUrl: `${origin}/s/mine-2026`,
		letterText: '拝啓\n市民の皆さまへ',
		sender: '美祢市 企画政策課\n電話 0837-52-0000',
		letters: [await letter(1, '山田 太郎', '美祢市大嶺町1-2-3'), await letter(2, null, null)],
		...overrides
	} as PageData;
	return render(Page, {
		props: { data, params: { id: surveyId }, form: null },
		context: i18nContext({ locale, t: createTranslator(locale) })
	}).body;
}

describe('the letters page', () => {
	it('prints one letter per letter, with its code and QR code', async () => {
		const body = await page();
		const letters = [...body.matchAll(/<article class="letter[^"]*" data-code="([^"]+)"/g)];
		expect(letters.map((m) => m[1])).toEqual([
			deriveCode('test-secret', surveyId, 1),
			deriveCode('test-secret', surveyId, 2)
		]);
		expect(body).toContain(groupCode(deriveCode('test-secret', surveyId, 1)));
		expect(body.match(/role="img" aria-label="回答用QRコード（招待コード入り）"/g)).toHaveLength(2);
		expect(body.match(/<svg /g)).toHaveLength(2);
		expect(body).toContain('山田 太郎 様');
		expect(body).toContain('〒759-2292');
		expect(body).toContain('整理番号 2');
		expect(body).toContain(`${origin}/s/mine-2026`);
	});

	it('prints the letter in Japanese for staff working in English', async () => {
		const body = await page({}, 'en');
		expect(body).toContain('<h1>Print the letters</h1>');
		expect(body).toContain('市民意識調査');
		expect(body).toContain('招待コード');
		expect(body).toContain('lang="ja"');
	});

	it('keeps the line breaks of the texts', async () => {
		const body = await page();
		expect(body).toContain('拝啓\n市民の皆さまへ');
		expect(body).toContain('美祢市 企画政策課\n電話 0837-52-0000');
	});

	it('says why there is nothing to print', async () => {
		expect(await page({ letters: [], forgotten: true })).toContain(
			'郵送先の情報は削除済みのため、もう印刷できません。'
		);
		expect(await page({ letters: [] })).toContain('この範囲に印刷できるものはありません。');
		expect(await page({ letters: [], noSecret: true })).toContain('KOE_CODE_SECRET');
	});
});
