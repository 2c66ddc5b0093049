import { describe, expect, it } from 'vitest';
import { definition, type Definition } from '$lib/domain/questionnaire';
import type { PaperEntry } from '$lib/server/backend/sample-types';
import { reviewSheet } from './review-sheet';

const t = (ja: string) => ({ ja });
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
					options: [
						{ key: 'car', label: t('車') },
						{ key: 'bus', label: t('バス') }
					]
				},
				{ key: 'comment', type: 'text', text: t('ご意見') }
			]
		}
	]
});
const rules = { tooMany: 'invalid' } as const;

const entry = (id: string, fields: Record<string, string>, answers = {}): PaperEntry => ({
	id,
	versionId: 'v1',
	answers,
	fields,
	mine: id === 'b'
});

describe('a sheet to review', () => {
	it('lists the fields the keyings read differently, and names the first entry', () => {
		const sheet = reviewSheet(
			{
				sheetLabel: 'P-17',
				entries: [entry('a', { mode: '1', comment: 'x' }), entry('b', { mode: '2', comment: 'x' })]
			},
			def,
			rules
		);
		expect(sheet).toEqual({
			label: 'P-17',
			hasCode: false,
			entryId: 'a',
			versionId: 'v1',
			keyings: [
				{ fields: { mode: '1', comment: 'x' }, mine: false },
				{ fields: { mode: '2', comment: 'x' }, mine: true }
			],
			differing: ['mode']
		});
	});

	it('knows a coded sheet by its label', () => {
		const sheet = reviewSheet(
			{ sheetLabel: 'AB3C…', entries: [entry('a', { mode: '1' }), entry('b', { mode: '2' })] },
			def,
			rules
		);
		expect(sheet.hasCode).toBe(true);
	});

	it('shows stored answers when a keying kept no fields, and compares them', () => {
		const sheet = reviewSheet(
			{
				sheetLabel: '9',
				entries: [entry('a', {}, { mode: 'bus' }), entry('b', {}, { comment: 'x' })]
			},
			def,
			rules
		);
		expect(sheet.keyings[0].fields).toEqual({ mode: '2', comment: '' });
		expect(sheet.differing).toEqual(['mode', 'comment']);
	});
});
