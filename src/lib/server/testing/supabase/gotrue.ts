/**
 * The few Supabase Auth (GoTrue) endpoints Koe's Supabase mode calls, for tests:
 * users live in the test database's auth.users with bcrypt passwords, as on
 * Supabase; sessions and the mails Auth would send are kept here in memory.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { signJwt, verifyJwt } from './jwt';

export interface Mail {
	type: 'magiclink' | 'recovery';
	email: string;
	tokenHash: string;
}

interface UserRow {
	id: string;
	email: string;
	created_at: string;
}

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body ?? {}), {
		status,
		headers: { 'content-type': 'application/json' }
	});

const refused = (status: number, code: string, msg: string) =>
	json(status, { code: status, error_code: code, msg });

export function gotrue(owner: pg.Pool, jwtSecret: string, outbox: Mail[]) {
	const refreshTokens = new Map<string, { userId: string; sessionId: string }>();
	const endedSessions = new Set<string>();
	const pendingLinks = new Map<string, { email: string; type: Mail['type'] }>();

	const userById = async (id: string) =>
		(await owner.query<UserRow>('select id, email, created_at from auth.users where id = $1', [id]))
			.rows[0];

	const userJson = (u: UserRow) => ({
		id: u.id,
		aud: 'authenticated',
		role: 'authenticated',
		email: u.email,
		email_confirmed_at: u.created_at,
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: {},
		identities: [],
		created_at: u.created_at,
		updated_at: u.created_at
	});

	function session(user: UserRow, sessionId: string = randomUUID()) {
		const now = Math.floor(Date.now() / 1000);
		const refresh = randomBytes(16).toString('hex');
		refreshTokens.set(refresh, { userId: user.id, sessionId });
		const accessToken = signJwt(
			{
				sub: user.id,
				role: 'authenticated',
				aud: 'authenticated',
				email: user.email,
				session_id: sessionId,
				iat: now,
				exp: now + 3600
			},
			jwtSecret
		);
		return json(200, {
			access_token: accessToken,
			token_type: 'bearer',
			expires_in: 3600,
			expires_at: now + 3600,
			refresh_token: refresh,
			user: userJson(user)
		});
	}

	/** The signed-in caller, from a bearer token whose session has not ended. */
	function caller(request: Request) {
		const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
		const claims = verifyJwt(token, jwtSecret);
		const userId = typeof claims?.sub === 'string' ? claims.sub : null;
		const sessionId = typeof claims?.session_id === 'string' ? claims.session_id : '';
		if (!userId || endedSessions.has(sessionId)) return null;
		return { userId, sessionId };
	}

	function mail(type: Mail['type'], email: string) {
		const token = randomBytes(16).toString('hex');
		const tokenHash = createHash('sha256').update(token).digest('hex');
		pendingLinks.set(tokenHash, { email, type });
		outbox.push({ type, email, tokenHash });
	}

	async function handle(request: Request, path: string): Promise<Response> {
		const url = new URL(request.url);
		const body = (request.method === 'GET' ? {} : await request.json().catch(() => ({}))) as Record<
			string,
			string
		>;
		const email = String(body.email ?? '')
			.trim()
			.toLowerCase();

		if (path === '/token' && url.searchParams.get('grant_type') === 'password') {
			const { rows } = await owner.query<UserRow>(
				`select id, email, created_at from auth.users
				 where email = $1 and encrypted_password = crypt($2, encrypted_password)`,
				[email, String(body.password ?? '')]
			);
			return rows[0]
				? session(rows[0])
				: refused(400, 'invalid_credentials', 'Invalid login credentials');
		}
		if (path === '/token' && url.searchParams.get('grant_type') === 'refresh_token') {
			const known = refreshTokens.get(String(body.refresh_token));
			if (!known || endedSessions.has(known.sessionId)) {
				return refused(400, 'refresh_token_not_found', 'Invalid Refresh Token');
			}
			refreshTokens.delete(String(body.refresh_token));
			return session(await userById(known.userId), known.sessionId);
		}
		if (path === '/signup') {
			if (String(body.password ?? '').length < 12) {
				return refused(422, 'weak_password', 'Password should be at least 12 characters.');
			}
			const { rows } = await owner.query<UserRow>(
				`insert into auth.users (email, encrypted_password, email_confirmed_at)
				 values ($1, crypt($2, gen_salt('bf')), now())
				 on conflict (email) do nothing returning id, email, created_at`,
				[email, body.password]
			);
			return rows[0]
				? session(rows[0])
				: refused(422, 'user_already_exists', 'User already registered');
		}
		if (path === '/otp' || path === '/recover') {
			const known = await owner.query('select 1 from auth.users where email = $1', [email]);
			if (known.rowCount) mail(path === '/otp' ? 'magiclink' : 'recovery', email);
			return json(200, {});
		}
		if (path === '/verify') {
			const link = pendingLinks.get(String(body.token_hash));
			// Magic links are verified as type 'email' (or the older 'magiclink').
			const asked = body.type === 'email' ? 'magiclink' : body.type;
			if (!link || link.type !== asked) {
				return refused(403, 'otp_expired', 'Email link is invalid or has expired');
			}
			pendingLinks.delete(String(body.token_hash));
			const { rows } = await owner.query<UserRow>(
				'select id, email, created_at from auth.users where email = $1',
				[link.email]
			);
			return session(rows[0]);
		}

		const signedIn = caller(request);
		if (!signedIn) return refused(401, 'bad_jwt', 'invalid JWT');
		if (path === '/user' && request.method === 'GET') {
			return json(200, userJson(await userById(signedIn.userId)));
		}
		if (path === '/user' && request.method === 'PUT') {
			if (String(body.password ?? '').length < 12) {
				return refused(422, 'weak_password', 'Password should be at least 12 characters.');
			}
			await owner.query(
				`update auth.users set encrypted_password = crypt($2, gen_salt('bf')) where id = $1`,
				[signedIn.userId, body.password]
			);
			return json(200, userJson(await userById(signedIn.userId)));
		}
		if (path === '/logout') {
			const scope = url.searchParams.get('scope') ?? 'global';
			for (const [token, s] of refreshTokens) {
				const ends =
					scope === 'global'
						? s.userId === signedIn.userId
						: scope === 'local'
							? s.sessionId === signedIn.sessionId
							: s.userId === signedIn.userId && s.sessionId !== signedIn.sessionId;
				if (ends) {
					endedSessions.add(s.sessionId);
					refreshTokens.delete(token);
				}
			}
			if (scope !== 'others') endedSessions.add(signedIn.sessionId);
			return new Response(null, { status: 204 });
		}
		return refused(404, 'not_found', `Koe makes no such request: ${path}`);
	}

	return handle;
}
