import { describe, expect, it } from 'vitest';
import { createTranslator, LOCALES } from './index';

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
	eager: true,
	import: 'default'
});

/** Every leaf key of a nested catalogue, plural suffixes folded into their base key. */
function keys(value: unknown, prefix = ''): string[] {
	if (typeof value !== 'object' || value === null) return [prefix.replace(/_(one|other)$/, '')];
	return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogues', () => {
	it('has the same keys in every language, area by area', () => {
		const areas = new Set(Object.keys(files).map((f) => f.split('/').pop()));
		for (const area of areas) {
			const [first, ...rest] = LOCALES.map((l) => new Set(keys(files[`./locales/${l}/${area}`])));
			for (const other of rest) expect([...other].sort()).toEqual([...first].sort());
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

	it('translates with Japanese as the fallback', () => {
		expect(createTranslator('en')('survey.next')).toBe('Next');
		expect(createTranslator('ja')('survey.next')).toBe('次へ');
	});
});
