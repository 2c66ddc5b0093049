/**
 * A stand-in for a Supabase project's API in tests: supabase-js's own requests
 * (its `fetch` option, or a real HTTP server for a browser) answered by the
 * real SQL of a test database. See postgrest.ts and gotrue.ts for what is covered.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { gotrue, type Mail } from './gotrue';
import { signJwt } from './jwt';
import { postgrest, type RpcLog } from './postgrest';

export const SUPABASE_URL = 'http://127.0.0.1:54321';
const JWT_SECRET = 'koe-test-jwt-secret-at-least-32-characters';

export interface FakeSupabase {
	url: string;
	anonKey: string;
	/** For tests that check a token was refused: signs like the project does. */
	sign(payload: Record<string, unknown>): string;
	fetch: typeof fetch;
	/** Every RPC answered, in order. */
	calls: RpcLog[];
	/** The mails Auth would have sent (magic links, password resets). */
	outbox: Mail[];
	/** Serves the same API over HTTP on a free loopback port (for a browser test). */
	listen(): Promise<{ url: string; close(): Promise<void> }>;
}

export function fakeSupabase({ app, owner }: { app: pg.Pool; owner: pg.Pool }): FakeSupabase {
	const calls: RpcLog[] = [];
	const outbox: Mail[] = [];
	const rest = postgrest(app, JWT_SECRET, calls);
	const auth = gotrue(owner, JWT_SECRET, outbox);

	const answer = async (request: Request): Promise<Response> => {
		const path = new URL(request.url).pathname;
		if (path.startsWith('/rest/v1/')) return rest(request, path.slice('/rest/v1'.length));
		if (path.startsWith('/auth/v1/')) return auth(request, path.slice('/auth/v1'.length));
		return new Response('not found', { status: 404 });
	};

	return {
		url: SUPABASE_URL,
		anonKey: signJwt({ role: 'anon', iss: 'supabase' }, JWT_SECRET),
		sign: (payload) => signJwt(payload, JWT_SECRET),
		fetch: (input, init) => answer(new Request(input, init)),
		calls,
		outbox,
		async listen() {
			const server = http.createServer((req, res) => {
				const chunks: Buffer[] = [];
				req.on('data', (c: Buffer) => chunks.push(c));
				req.on('end', () => {
					const body = chunks.length ? Buffer.concat(chunks) : undefined;
					const request = new Request(`http://${req.headers.host}${req.url}`, {
						method: req.method,
						headers: req.headers as Record<string, string>,
						body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body
					});
					void answer(request).then(async (response) => {
						res.writeHead(response.status, Object.fromEntries(response.headers));
						res.end(Buffer.from(await response.arrayBuffer()));
					});
				});
			});
			await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
			const { port } = server.address() as AddressInfo;
			return {
				url: `http://127.0.0.1:${port}`,
				close: () => new Promise<void>((done) => server.close(() => done()))
			};
		}
	};
}
