/**
 * Outgoing mail. SMTP_URL (smtp://user:pass@host:587, or smtps://… for TLS from the
 * start) and MAIL_FROM switch it on; without them nothing is sent. Messages carry
 * one-time links and the URL holds a password, so neither is ever logged.
 */
import { createTransport } from 'nodemailer';
import { env } from '$env/dynamic/private';

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

/** Sends one message: false when SMTP is not configured or the server refused it. */
export async function sendMail(
	mail: Mail,
	config: Record<string, string | undefined> = env
): Promise<boolean> {
	if (!config.SMTP_URL || !config.MAIL_FROM) return false;
	// One transport per message: no connection (or state) outlives the request.
	const transport = createTransport(config.SMTP_URL);
	try {
		await transport.sendMail({ from: config.MAIL_FROM, ...mail });
		return true;
	} catch (error) {
		console.warn(`mail not sent: ${reason(error)}`);
		return false;
	} finally {
		transport.close();
	}
}

/** The error's code only: its message can quote the server's reply or the recipient. */
function reason(error: unknown): string {
	const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
	return [code, responseCode].filter(Boolean).join(' ') || 'unknown error';
}
