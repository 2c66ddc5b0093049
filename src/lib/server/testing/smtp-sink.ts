/** A loopback SMTP server that accepts every message and keeps it, for mail tests. */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SmtpSink {
	url: string;
	/** each message's raw DATA, in arrival order */
	messages: string[];
	close(): Promise<void>;
}

export async function smtpSink(): Promise<SmtpSink> {
	const messages: string[] = [];
	const server = net.createServer((socket) => {
		let buffer = '';
		let data: string[] | null = null;
		socket.write('220 sink ESMTP\r\n');
		socket.on('data', (chunk: Buffer) => {
			buffer += chunk.toString('utf8');
			let end: number;
			while ((end = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				if (data) {
					if (line === '.') {
						messages.push(data.join('\r\n'));
						data = null;
						socket.write('250 queued\r\n');
					} else data.push(line.startsWith('..') ? line.slice(1) : line);
					continue;
				}
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO' || verb === 'HELO') socket.write('250 sink\r\n');
				else if (verb === 'DATA') {
					data = [];
					socket.write('354 go on\r\n');
				} else if (verb === 'QUIT') socket.end('221 bye\r\n');
				else socket.write('250 ok\r\n');
			}
		});
	});
	await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
	const { port } = server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		close: () => new Promise((closed) => server.close(() => closed()))
	};
}
