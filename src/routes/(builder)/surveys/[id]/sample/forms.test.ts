import { describe, expect, it } from 'vitest';
import { forgetForm, generateForm, settingsErrors, settingsForm, TEXT_LIMITS } from './forms';

const settings = (fields: Record<string, string>) =>
	settingsForm.safeParse({ paper_too_many: 'first', ...fields });

describe('the settings form', () => {
	it('reads checkboxes by their presence, and makes line ends LF', () => {
		const parsed = settings({ requires_code: 'on', letter_text: '拝啓\r\n市民の皆さまへ\r敬具' });
		expect(parsed.data).toEqual({
			requires_code: true,
			double_entry: false,
			paper_too_many: 'first',
			letter_text: '拝啓\n市民の皆さまへ\n敬具',
			reminder_text: '',
			sender: ''
		});
	});

	it('counts characters as the database does, line ends as one', () => {
		const max = TEXT_LIMITS.sender;
		expect(settings({ sender: '𠮷'.repeat(max) }).success).toBe(true);
		expect(settings({ sender: 'あ\r\n'.repeat(max / 2) }).success).toBe(true);
		expect(settings({ sender: 'あ'.repeat(max + 1) }).success).toBe(false);
	});

	it('names each field that is wrong', () => {
		const parsed = settingsForm.safeParse({
			paper_too_many: 'some',
			letter_text: 'x'.repeat(TEXT_LIMITS.letter_text + 1),
			reminder_text: 'x'.repeat(TEXT_LIMITS.reminder_text + 1)
		});
		expect(parsed.success).toBe(false);
		expect(settingsErrors(parsed.error?.issues ?? [])).toEqual({
			paper_too_many: 'sample.settings.error.paper_too_many',
			letter_text: 'sample.settings.error.letter_text',
			reminder_text: 'sample.settings.error.reminder_text'
		});
	});
});

describe('the generate form', () => {
	it('takes a whole number of codes per stratum, 1 to 2,000', () => {
		expect(generateForm.safeParse({ count: ' 25 ' }).data).toEqual({ count: 25 });
		expect(generateForm.safeParse({ count: '2000' }).success).toBe(true);
		for (const count of ['0', '2001', '1.5', '-3', 'abc', '', '99999999']) {
			expect(generateForm.safeParse({ count }).success, count).toBe(false);
		}
		expect(generateForm.safeParse({}).success).toBe(false);
	});
});

describe('the forget form', () => {
	it('needs the confirmation ticked', () => {
		expect(forgetForm.safeParse({ confirm: 'on' }).success).toBe(true);
		expect(forgetForm.safeParse({}).success).toBe(false);
	});
});
