import { describe, expect, it } from 'vitest';
import { commentErrors, commentForm, tooFast } from './comment-form';

const key = '5f0c8a3e-8a6b-4c8e-9d1e-2b7f6f1a9c11';
const base = { body: ' 公園を \r\n 増やして ', consent: 'on', key, shown: '1000' };

describe('the comment form', () => {
	it('keeps what a consultation asks for and drops what it does not', () => {
		const none = commentForm({ name: 'none', address: 'none' }).parse({
			...base,
			name: '美祢',
			address: '大嶺'
		});
		expect(none).toMatchObject({
			body: '公園を \n 増やして',
			name: null,
			address: null,
			section: ''
		});
		const optional = commentForm({ name: 'optional', address: 'optional' }).parse({
			...base,
			name: ' 美祢 '
		});
		expect(optional).toMatchObject({ name: '美祢', address: null });
	});

	it('names each missing or wrong field', () => {
		const result = commentForm({ name: 'required', address: 'required' }).safeParse({
			key,
			shown: '1',
			body: ' ',
			section: 'x'
		});
		expect(result.success).toBe(false);
		expect(commentErrors(result.error!.issues)).toEqual({
			section: 'pubcom.form.error.section',
			body: 'pubcom.form.error.body',
			name: 'pubcom.form.error.name',
			address: 'pubcom.form.error.address',
			consent: 'pubcom.form.error.consent'
		});
	});

	it('takes a form sent within 3 seconds of showing it for a bot', () => {
		expect(tooFast(10_000, 12_000)).toBe(true);
		expect(tooFast(10_000, 13_000)).toBe(false);
		expect(tooFast(20_000, 13_000)).toBe(true);
	});
});
