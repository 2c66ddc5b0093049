import { expect, it } from 'vitest';
import { attributes, readForm } from './html.js';

const page = `<form method="POST" action="/x"><input name="resume"></form>
<form method="POST" novalidate data-koe-answer="mine-2026" data-session="k1">
<input type="hidden" name="state" value="eyJrIjoi&amp;"/>
<input type="hidden" name="page" value="3">
<input type="radio" name="district" value="omine" id="q-district-0">
<input type="checkbox" name="good_points" value="nature">
<textarea name="free_comment" rows="5"></textarea>
<button class="secondary" name="nav" value="back" formnovalidate>戻る</button>
<button class="primary" name="nav" value="submit">送信する</button>
</form><form><input name="lang" value="en"></form>`;

it('reads the answering form only', () => {
	const form = readForm(page);
	expect(form.hidden).toEqual({ state: 'eyJrIjoi&', page: '3' });
	expect([...form.names].sort()).toEqual(['district', 'free_comment', 'good_points']);
	expect(form.button).toBe('submit');
});

it('refuses a page without an answering form or a way forward', () => {
	expect(() => readForm('<p>ありがとうございました</p>')).toThrow(/no answering form/);
	expect(() => readForm('<form data-koe-answer="x"><input name="a"></form>')).toThrow(/button/);
});

it('reads attributes with and without values', () => {
	expect(attributes('<button name="nav" value="back" formnovalidate>')).toEqual({
		name: 'nav',
		value: 'back',
		formnovalidate: ''
	});
});
