import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendMail } from './mail';
import { smtpSink, type SmtpSink } from './testing/smtp-sink';

/** The text of a single-part message, decoded from its transfer encoding. */
function bodyOf(message: string): string {
	const [head, ...rest] = message.split('\r\n\r\n');
	const body = rest.join('\r\n\r\n');
	const encoding = /^Content-Transfer-Encoding: (.+)$/im.exec(head)?.[1].trim().toLowerCase();
	if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8').trim();
	if (encoding === 'quoted-printable') {
		const bytes = body
			.replace(/=\r\n/g, '')
			.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n').trim();
	}
	return body.trim();
}

let sink: SmtpSink;
beforeAll(async () => (sink = await smtpSink()));
afterAll(() => sink.close());

describe('sendMail', () => {
	it('sends through the configured SMTP server, in UTF-8', async () => {
		const sent = await sendMail(
			{
				to: 'new@city.example',
				subject: '【Koe】招待',
				text: '次のリンクを開いてください。\nhttp://x/invite/abc'
			},
			{ SMTP_URL: sink.url, MAIL_FROM: 'koe@city.example' }
		);
		expect(sent).toBe(true);
		const [message] = sink.messages;
		expect(message).toMatch(/^To: new@city\.example$/m);
		expect(message).toMatch(/^From: koe@city\.example$/m);
		expect(bodyOf(message)).toBe('次のリンクを開いてください。\nhttp://x/invite/abc');
	});

	it('sends nothing, and says so, without SMTP settings', async () => {
		const before = sink.messages.length;
		expect(await sendMail({ to: 'a@b.example', subject: 's', text: 't' }, {})).toBe(false);
		expect(sink.messages.length).toBe(before);
	});

	it('answers false when the server cannot be reached', async () => {
		const unreachable = { SMTP_URL: 'smtp://127.0.0.1:1', MAIL_FROM: 'koe@city.example' };
		expect(await sendMail({ to: 'a@b.example', subject: 's', text: 't' }, unreachable)).toBe(false);
	});
});
