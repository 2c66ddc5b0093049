import { describe, expect, it } from 'vitest';
import {
	createTranslator,
	isResidentKey,
	LOCALES,
	RESIDENT_KEYS,
	STAFF_LOCALES,
	type Locale
} from './index';

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
	eager: true,
	import: 'default'
});

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf key of a nested catalogue with its text; plural forms (`x_one` beside `x_other`) as their base key. */
function entries(value: unknown, prefix = ''): [string, string][] {
	if (typeof value !== 'object' || value === null) return [[prefix, String(value)]];
	const siblings = Object.keys(value);
	return Object.entries(value).flatMap(([k, v]) => {
		const base = k.replace(PLURAL, '');
		const folded = base !== k && siblings.includes(`${base}_other`) ? base : k;
		return entries(v, prefix ? `${prefix}.${folded}` : folded);
	});
}
const keys = (value: unknown) => [...new Set(entries(value).map(([key]) => key))];

/** A language's catalogue, all its areas merged, as the app loads it. */
const catalogue = (locale: Locale) =>
	Object.assign(
		{},
		...Object.entries(files)
			.filter(([f]) => f.startsWith(`./locales/${locale}/`))
			.map(([, c]) => c)
	) as Record<string, unknown>;

/** The {{placeholders}} of each key, over all its plural forms. */
function placeholders(locale: Locale): Map<string, string> {
	const found = new Map<string, Set<string>>();
	for (const [key, text] of entries(catalogue(locale))) {
		const names = found.get(key) ?? new Set();
		for (const m of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) names.add(m[1]);
		found.set(key, names);
	}
	return new Map([...found].map(([key, names]) => [key, [...names].sort().join(',')]));
}

const residentOnly = LOCALES.filter((l) => !STAFF_LOCALES.includes(l));
const residentKeys = keys(catalogue('ja')).filter(isResidentKey).sort();

describe('message catalogues', () => {
	it('has the same keys in Japanese and English, area by area', () => {
		const areas = new Set(
			Object.keys(files)
				.filter((f) => f.startsWith('./locales/ja/'))
				.map((f) => f.split('/').pop())
		);
		for (const area of areas) {
			const [first, ...rest] = STAFF_LOCALES.map((l) => keys(files[`./locales/${l}/${area}`]));
			for (const other of rest) expect(other.sort(), area).toEqual(first.sort());
		}
	});

	it('keeps top-level keys distinct between areas', () => {
		for (const locale of LOCALES) {
			const tops = Object.entries(files)
				.filter(([f]) => f.startsWith(`./locales/${locale}/`))
				.flatMap(([, c]) => Object.keys(c));
			expect(new Set(tops).size).toBe(tops.length);
		}
	});

	it('names resident-facing keys that exist', () => {
		const stale = RESIDENT_KEYS.filter(
			(prefix) => !residentKeys.some((k) => k === prefix || k.startsWith(`${prefix}.`))
		);
		expect(stale).toEqual([]);
	});

	describe.each(residentOnly)('%s, a language for residents only', (locale) => {
		it('has one catalogue, resident.json', () => {
			expect(Object.keys(files).filter((f) => f.startsWith(`./locales/${locale}/`))).toEqual([
				`./locales/${locale}/resident.json`
			]);
		});

		it('translates every resident-facing key and nothing staff-only', () => {
			const own = keys(catalogue(locale));
			const missing = residentKeys.filter((k) => !own.includes(k));
			const extra = own.filter((k) => !residentKeys.includes(k));
			const message = `${locale}/resident.json: translate [${missing.join(', ')}]; remove [${extra.join(', ')}]`;
			expect({ missing, extra }, message).toEqual({ missing: [], extra: [] });
		});

		it('keeps the placeholders of the Japanese text', () => {
			const ja = placeholders('ja');
			const own = placeholders(locale);
			const differ = residentKeys.filter((k) => own.has(k) && own.get(k) !== ja.get(k));
			expect(differ).toEqual([]);
		});

		it('renders every resident-facing key itself, in every plural form', () => {
			const t = createTranslator(locale);
			const fallsBack = residentKeys.filter((key) =>
				[0, 1, 2, 5, 21, 1_000_000].some((count) => {
					const details = t(key, { count, returnDetails: true });
					return details.usedLng !== locale;
				})
			);
			expect(fallsBack).toEqual([]);
		});
	});

	it('translates with Japanese as the fallback', () => {
		expect(createTranslator('en')('survey.next')).toBe('Next');
		expect(createTranslator('ja')('survey.next')).toBe('次へ');
		expect(createTranslator('vi')('survey.next')).toBe('Tiếp theo');
		// Staff strings are not translated for residents' languages: Japanese then.
		expect(createTranslator('ja-x-easy')('dashboard.title')).toBe('集計ダッシュボード');
		expect(createTranslator('pt')('dashboard.title')).toBe('集計ダッシュボード');
	});

	it('uses each language’s plural rules', () => {
		expect(createTranslator('pt')('survey.errorSummary', { count: 1 })).toBe(
			'Verifique 1 resposta'
		);
		expect(createTranslator('pt')('survey.errorSummary', { count: 3 })).toBe(
			'Verifique 3 respostas'
		);
		expect(createTranslator('ja-x-easy')('survey.chooseUpTo', { count: 3 })).toBe(
			'3こまで えらぶ ことが できます'
		);
	});
});
