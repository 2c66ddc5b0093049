import { describe, expect, it } from 'vitest';
import {
	htmlLang,
	LOCALES,
	localesFor,
	negotiate,
	pickLocale,
	RESIDENT_LOCALES,
	STAFF_LOCALES,
	textLang
} from './index';

describe('negotiate', () => {
	it.each([
		['zh-CN,zh;q=0.9', 'zh'],
		['zh-Hans-CN', 'zh'],
		['zh-TW,zh;q=0.8', 'zh'],
		['ko-KR,ko;q=0.9,en-US;q=0.8', 'ko'],
		['vi-VN,vi;q=0.9', 'vi'],
		['pt-BR,pt;q=0.9,en;q=0.8', 'pt'],
		['pt-PT', 'pt'],
		['en-US,en;q=0.9', 'en'],
		['ja-JP', 'ja'],
		['fr-FR,ko;q=0.5,en;q=0.7', 'en'],
		['en;q=0, vi', 'vi'],
		['EN-gb ; q=0.8', 'en'],
		['fr', 'ja'],
		['*', 'ja'],
		['', 'ja']
	])('%j → %s', (header, locale) => {
		expect(negotiate(header)).toBe(locale);
	});

	it('offers staff only Japanese and English', () => {
		expect(negotiate('vi-VN,vi;q=0.9,en;q=0.5', STAFF_LOCALES)).toBe('en');
		expect(negotiate('pt-BR', STAFF_LOCALES)).toBe('ja');
		expect(negotiate(null, STAFF_LOCALES)).toBe('ja');
	});
});

describe('pickLocale', () => {
	it('keeps the saved choice where it is offered', () => {
		expect(pickLocale('ko', 'en', RESIDENT_LOCALES)).toBe('ko');
		expect(pickLocale('ja-x-easy', 'en', RESIDENT_LOCALES)).toBe('ja-x-easy');
	});

	it('narrows it on staff pages: やさしい日本語 to Japanese, others to the browser’s', () => {
		expect(pickLocale('ja-x-easy', 'en', STAFF_LOCALES)).toBe('ja');
		expect(pickLocale('zh', 'en-US', STAFF_LOCALES)).toBe('en');
		expect(pickLocale('zh', 'zh-CN', STAFF_LOCALES)).toBe('ja');
	});

	it('ignores a cookie it does not know', () => {
		expect(pickLocale('klingon', 'vi', RESIDENT_LOCALES)).toBe('vi');
		expect(pickLocale(undefined, 'vi', RESIDENT_LOCALES)).toBe('vi');
	});
});

describe('localesFor', () => {
	it('offers every language on residents’ pages and unknown addresses', () => {
		for (const route of ['/', '/(resident)/s/[slug]', '/(resident)/s/[slug]/thanks', null]) {
			expect(localesFor(route)).toEqual(LOCALES);
		}
	});

	it('offers Japanese and English on staff pages', () => {
		for (const route of [
			'/signin',
			'/(officials)/dashboard',
			'/(builder)/surveys/[id]',
			'/setup'
		]) {
			expect(localesFor(route)).toEqual(['ja', 'en']);
		}
	});
});

describe('html lang', () => {
	it('is a valid tag a screen reader knows for every language', () => {
		const tags = LOCALES.map(htmlLang);
		expect(tags).toEqual(['ja', 'ja', 'en', 'zh-Hans', 'ko', 'vi', 'pt-BR']);
		for (const tag of tags) expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
	});

	it('marks questionnaire text that fell back to Japanese', () => {
		const title = { ja: '市民意識調査', en: 'Resident survey' };
		expect(textLang(title, 'en')).toBe('en');
		expect(textLang(title, 'vi')).toBe('ja');
		expect(textLang(title, 'ja-x-easy')).toBe('ja');
		expect(textLang(undefined, 'zh')).toBe('ja');
	});
});
