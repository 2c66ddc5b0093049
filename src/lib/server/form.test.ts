import { describe, expect, it } from 'vitest';
import { formDataOf, readForm } from './form';
import { createTranslator } from '$lib/i18n';

const post = (contentType: string, body: string) =>
	new Request('http://koe.example/s/x', {
		method: 'POST',
		headers: { 'content-type': contentType },
		body
	});

describe('formDataOf', () => {
	it('reads a URL-encoded form, however odd its bytes', async () => {
		const form = await formDataOf(post('application/x-www-form-urlencoded', 'a=1&b=%FF&%%='));
		expect(form?.get('a')).toBe('1');
	});

	it('is null for a body that is not a readable form, instead of throwing', async () => {
		expect(await formDataOf(post('multipart/form-data; boundary=xyz', 'garbage'))).toBeNull();
		expect(await formDataOf(post('multipart/form-data', 'a=b'))).toBeNull();
		expect(await formDataOf(post('text/plain', 'state=x&page=1'))).toBeNull();
	});

	it('passes on an error that has its status, like the 413 of a body over the limit', async () => {
		const tooLarge = { status: 413, message: 'Payload Too Large' };
		const body = new ReadableStream({ start: (controller) => controller.error(tooLarge) });
		const request = new Request('http://koe.example/s/x', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body,
			duplex: 'half'
		} as RequestInit);
		await expect(formDataOf(request)).rejects.toBe(tooLarge);
	});
});

describe('readForm', () => {
	it("ends an unreadable body with 400 and a message in the visitor's language", async () => {
		const t = createTranslator('en');
		await expect(readForm(post('text/plain', 'a=b'), t)).rejects.toMatchObject({
			status: 400,
			body: { message: t('errors.unreadableForm') }
		});
		expect((await readForm(post('application/x-www-form-urlencoded', 'a=b'), t)).get('a')).toBe(
			'b'
		);
	});
});
