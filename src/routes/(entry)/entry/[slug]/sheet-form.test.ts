import { describe, expect, it } from 'vitest';
import { withCheck } from '$lib/domain/invitation-code';
import { definition } from '$lib/domain/questionnaire';
import { refusalErrors, sheetCode, sheetNumber, typedSheet } from './sheet-form';

const code = withCheck('23456789ABC');

describe('a posted sheet', () => {
	const def = definition.parse({
		languages: ['ja'],
		sections: [
			{
				key: 's',
				title: { ja: '一' },
				questions: [
					{
						key: 'code',
						type: 'single',
						text: { ja: 'コード' },
						options: [
							{ key: 'a', label: { ja: 'A' } },
							{ key: 'b', label: { ja: 'B' } }
						]
					},
					{ key: 'comment', type: 'text', text: { ja: 'ご意見' } }
				]
			}
		]
	});

	it('reads the boxes by their own names, apart from the sheet’s code, leaving blanks out', () => {
		const form = new FormData();
		form.set('code', 'abcd');
		form.set('f:code', '2');
		form.set('f:comment', '  ');
		form.set('f:unknown', '1');
		expect(typedSheet(form, def)).toEqual({ code: 'abcd', sheet: '', fields: { code: '2' } });
	});
});

describe('the sheet’s code and number', () => {
	it('takes a code however typed, and says what is wrong with a mistyped one', () => {
		expect(sheetCode('')).toEqual({ code: null });
		expect(sheetCode(' ', true)).toEqual({ code: null, error: 'empty' });
		expect(sheetCode(`${code.slice(0, 4)}-${code.slice(4).toLowerCase()}`)).toEqual({ code });
		expect(sheetCode('ABCD-EFGH-JKLM')).toEqual({ code: null, error: 'check' });
		expect(sheetCode('ABC')).toEqual({ code: null, error: 'length' });
	});

	it('writes a sheet number alike however typed, and asks for it when needed', () => {
		expect(sheetNumber('ｐ－１７ ', false)).toEqual({ sheet: 'P-17' });
		expect(sheetNumber(' ', false)).toEqual({ sheet: null });
		expect(sheetNumber('', true)).toEqual({ sheet: null, error: 'required' });
		expect(sheetNumber('9'.repeat(41), false)).toEqual({ sheet: null, error: 'tooLong' });
		// An ellipsis marks a coded sheet's label; a typed number never ends in one.
		expect(sheetNumber('P…', false).sheet).toBe('P...');
	});

	it('shows each refusal of the database where it belongs', () => {
		expect(refusalErrors('code_unknown')).toEqual({ codeError: 'unknown' });
		expect(refusalErrors('code_used')).toEqual({ codeError: 'used' });
		expect(refusalErrors('sheet_required')).toEqual({ sheetError: 'required' });
		expect(refusalErrors('same_keyer')).toEqual({ problem: 'same_keyer' });
		expect(refusalErrors('in_review')).toEqual({ problem: 'in_review' });
	});
});
