import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff } from '../testing/fixtures';
import { createSqlBackend } from './sql';

const PASSWORD = 'correct horse battery'; // what createStaff gives everyone
const NEW_PASSWORD = 'a brand new passphrase';

let db: TestDatabase;
let orgId: string;
const anon = () => createSqlBackend(db.app, null);
const as = (claims: Claims) => createSqlBackend(db.app, claims);
let counter = 0;
const unknownEmail = () => `nobody-${++counter}@example.jp`;

beforeAll(async () => {
	db = await createTestDatabase();
	orgId = await createOrganization(db.owner, 'auth-city');
});
afterAll(() => db.drop());

describe('password rules', () => {
	const problem = async (password: string, email = 'taro.yamada@city.example.jp') => {
		const { rows } = await db.owner.query<{ problem: string | null }>(
			'select koe_auth.password_problem($1, $2) as problem',
			[password, email]
		);
		return rows[0].problem;
	};

	it.each([
		['short', 'too_short'],
		['elevenchars', 'too_short'],
		['あ'.repeat(25), 'too_long'],
		['aaaaaaaaaaaaaaa', 'too_simple'],
		['abababababab', 'too_simple'],
		['123456789012345', 'too_simple'],
		['2026-11-24 12:00', 'too_simple'],
		['abcdefghijklmn', 'too_simple'],
		['qwertyuiopasdf', 'too_simple'],
		['Taro.Yamada-2026', 'contains_email'],
		['password1234', 'too_common'],
		['Password2026!', 'too_common'],
		['koe-demo-2026', 'too_common'],
		['correct horse battery', null],
		['8#2!9@4^1&7*', null],
		['しやくしょの職員です2026', null]
	])('%s → %s', async (password, expected) => {
		expect(await problem(password)).toBe(expected);
	});

	it('ignores a local part too short to matter', async () => {
		expect(await problem('ab-correct-horse', 'ab@example.jp')).toBeNull();
	});
});

describe('sign-in lock-out', () => {
	const failures = async (email: string) => {
		const { rows } = await db.owner.query<{ n: number }>(
			'select count(*)::int as n from koe_auth.sign_in_failures where email_hash = koe_auth.email_hash($1)',
			[email]
		);
		return rows[0].n;
	};
	/** Moves an address's failures into the past, as if time had passed. */
	const age = (email: string, minutes: number) =>
		db.owner.query(
			`update koe_auth.sign_in_failures set failed_at = failed_at - make_interval(mins => $2)
			 where email_hash = koe_auth.email_hash($1)`,
			[email, minutes]
		);

	it('locks an unknown address after 5 failures, the same way as a known one', async () => {
		const email = unknownEmail();
		const results = [];
		for (let i = 0; i < 6; i++) results.push(await anon().auth.attemptSignIn(email, 'guess'));
		expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
			'wrong',
			'wrong',
			'wrong',
			'wrong',
			'locked',
			'locked'
		]);
		// Refusals while locked are not counted, so they cannot extend the lock.
		expect(await failures(email)).toBe(5);
	});

	it('refuses the right password while locked, and lets it in 15 minutes later', async () => {
		const email = 'locked@example.jp';
		await createStaff(db.owner, orgId, email);
		for (let i = 0; i < 5; i++) await anon().auth.attemptSignIn(email, 'not it');
		expect(await anon().auth.attemptSignIn(email, PASSWORD)).toEqual({
			ok: false,
			reason: 'locked'
		});
		expect(await anon().auth.signIn(email, PASSWORD)).toBeNull();
		await age(email, 14);
		expect(await anon().auth.attemptSignIn(email, PASSWORD)).toMatchObject({ ok: false });
		await age(email, 2);
		expect(await anon().auth.attemptSignIn(email, PASSWORD)).toMatchObject({ ok: true });
		expect(await failures(email)).toBe(0);
	});

	it('forgets failures spread over more than 15 minutes, and clears them on success', async () => {
		const email = 'forgetful@example.jp';
		await createStaff(db.owner, orgId, email);
		for (let i = 0; i < 4; i++) await anon().auth.attemptSignIn(email, 'not it');
		await age(email, 16);
		expect(await anon().auth.attemptSignIn(email, 'not it')).toEqual({
			ok: false,
			reason: 'wrong'
		});
		expect(await anon().auth.attemptSignIn(email, PASSWORD)).toMatchObject({ ok: true });
		expect(await failures(email)).toBe(0);
	});

	it('counts parallel guesses one by one', async () => {
		const email = unknownEmail();
		const results = await Promise.all(
			Array.from({ length: 10 }, () => anon().auth.attemptSignIn(email, 'guess'))
		);
		expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(6);
		expect(await failures(email)).toBe(5);
	});

	it('counts an address however it is typed, and keeps only its hash', async () => {
		const email = unknownEmail();
		await anon().auth.attemptSignIn(` ${email.toUpperCase()} `, 'guess');
		await anon().auth.attemptSignIn(email, 'guess');
		expect(await failures(email)).toBe(2);
		const { rows } = await db.owner.query<{ columns: string[] }>(
			`select array_agg(column_name::text order by column_name) as columns
			 from information_schema.columns
			 where table_schema = 'koe_auth' and table_name = 'sign_in_failures'`
		);
		expect(rows[0].columns).toEqual(['email_hash', 'failed_at']);
	});

	it('takes about as long for an unknown address, a wrong password and a lock-out', async () => {
		const email = 'timed@example.jp';
		await createStaff(db.owner, orgId, email);
		const locked = unknownEmail();
		for (let i = 0; i < 5; i++) await anon().auth.attemptSignIn(locked, 'guess');
		const median = async (attempt: () => Promise<unknown>) => {
			const times: number[] = [];
			for (let i = 0; i < 4; i++) {
				const start = performance.now();
				await attempt();
				times.push(performance.now() - start);
			}
			return times.sort((a, b) => a - b)[2];
		};
		const unknown = await median(() => anon().auth.attemptSignIn(unknownEmail(), 'guess'));
		const wrong = await median(() => anon().auth.attemptSignIn(email, 'guess'));
		const refused = await median(() => anon().auth.attemptSignIn(locked, 'guess'));
		for (const time of [wrong, refused]) {
			expect(time / unknown).toBeGreaterThan(0.4);
			expect(time / unknown).toBeLessThan(2.5);
		}
	});
});

describe('password reset', () => {
	let user: Claims;
	beforeAll(async () => {
		user = await createStaff(db.owner, orgId, 'forgot@example.jp');
	});

	it('gives no token for an unknown address', async () => {
		expect(await anon().auth.requestPasswordReset(unknownEmail())).toBeNull();
	});

	it('sets the password once, ends every session and lifts a lock-out', async () => {
		const session = (await anon().auth.signIn(user.email, PASSWORD))!;
		expect(await anon().auth.claims(session)).toMatchObject({ sub: user.sub });
		for (let i = 0; i < 5; i++) await anon().auth.attemptSignIn(user.email, 'not it');

		const token = (await anon().auth.requestPasswordReset(' Forgot@Example.jp'))!;
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		expect(await anon().auth.passwordResetValid(token)).toBe(true);
		// A refused password does not use the link up.
		expect(await anon().auth.resetPassword(token, 'too short')).toBe('too_short');
		expect(await anon().auth.resetPassword(token, 'forgot-me-not-2026')).toBe('contains_email');
		expect(await anon().auth.resetPassword(token, NEW_PASSWORD)).toBeNull();

		expect(await anon().auth.claims(session)).toBeNull();
		expect(await anon().auth.passwordResetValid(token)).toBe(false);
		expect(await anon().auth.resetPassword(token, 'yet another passphrase')).toBe('invalid_token');
		expect(await anon().auth.signIn(user.email, PASSWORD)).toBeNull();
		expect(await anon().auth.signIn(user.email, NEW_PASSWORD)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('uses up the user’s other links too', async () => {
		const first = (await anon().auth.requestPasswordReset(user.email))!;
		const second = (await anon().auth.requestPasswordReset(user.email))!;
		expect(await anon().auth.resetPassword(second, PASSWORD)).toBeNull();
		expect(await anon().auth.passwordResetValid(first)).toBe(false);
	});

	it('expires after an hour', async () => {
		const token = (await anon().auth.requestPasswordReset(user.email))!;
		await db.owner.query(
			`update koe_auth.password_resets set expires_at = now() - interval '1 second'
			 where token_hash = digest($1, 'sha256')`,
			[token]
		);
		expect(await anon().auth.passwordResetValid(token)).toBe(false);
		expect(await anon().auth.resetPassword(token, NEW_PASSWORD)).toBe('invalid_token');
	});

	it('mails at most three links an hour to one user', async () => {
		const email = 'flooded@example.jp';
		await createStaff(db.owner, orgId, email);
		const tokens = [];
		for (let i = 0; i < 4; i++) tokens.push(await anon().auth.requestPasswordReset(email));
		expect(tokens.map((t) => t !== null)).toEqual([true, true, true, false]);
	});

	it('lets the owner issue a link for an admin, and nobody else', async () => {
		const { rows } = await db.owner.query<{ token: string }>(
			'select koe_auth.issue_password_reset($1) as token',
			[user.sub]
		);
		expect(await anon().auth.passwordResetValid(rows[0].token)).toBe(true);
		const client = await db.app.connect();
		try {
			await client.query('begin; set local role authenticated');
			await expect(
				client.query('select koe_auth.issue_password_reset($1)', [user.sub])
			).rejects.toThrow(/permission denied/);
		} finally {
			await client.query('rollback');
			client.release();
		}
	});
});

describe('signing out everywhere', () => {
	it('ends every session of the caller and nobody else’s', async () => {
		const me = await createStaff(db.owner, orgId, 'everywhere@example.jp');
		const other = await createStaff(db.owner, orgId, 'bystander@example.jp');
		const laptop = (await anon().auth.signIn(me.email, PASSWORD))!;
		const phone = (await anon().auth.signIn(me.email, PASSWORD))!;
		const theirs = (await anon().auth.signIn(other.email, PASSWORD))!;
		await as(me).auth.signOutEverywhere();
		expect(await anon().auth.claims(laptop)).toBeNull();
		expect(await anon().auth.claims(phone)).toBeNull();
		expect(await anon().auth.claims(theirs)).toMatchObject({ sub: other.sub });
	});

	it('is not offered to anonymous callers', async () => {
		await expect(anon().auth.signOutEverywhere()).rejects.toThrow(/permission denied/);
	});
});

describe('first-run setup', () => {
	let fresh: TestDatabase;
	const blank = () => createSqlBackend(fresh.app, null);
	const admin = (n: number) => ({
		email: `first-${n}@city.example.jp`,
		password: 'the first admin of all',
		orgSlug: `city-${n}`,
		orgName: `市${n}`
	});
	beforeAll(async () => {
		fresh = await createTestDatabase();
	});
	afterAll(() => fresh.drop());

	it('is never open once a user exists', async () => {
		await createStaff(db.owner, orgId, 'existing@example.jp');
		expect(await anon().auth.setupNeeded()).toBe(false);
		expect(await anon().auth.createFirstAdmin(admin(0))).toBe('setup_done');
	});

	it('refuses invalid input and creates nothing', async () => {
		await createOrganization(fresh.owner, 'taken');
		expect(await blank().auth.setupNeeded()).toBe(true);
		const refusals = await Promise.all([
			blank().auth.createFirstAdmin({ ...admin(1), email: 'not-an-address' }),
			blank().auth.createFirstAdmin({ ...admin(1), password: 'too short' }),
			blank().auth.createFirstAdmin({ ...admin(1), orgSlug: '-Bad slug' }),
			blank().auth.createFirstAdmin({ ...admin(1), orgSlug: 'taken' }),
			blank().auth.createFirstAdmin({ ...admin(1), orgName: '  ' })
		]);
		expect(refusals).toEqual([
			'invalid_email',
			'too_short',
			'invalid_slug',
			'slug_taken',
			'invalid_name'
		]);
		expect(await blank().auth.setupNeeded()).toBe(true);
	});

	it('creates one first admin even when several try at once', async () => {
		const results = await Promise.all(
			[1, 2, 3, 4, 5].map((n) => blank().auth.createFirstAdmin(admin(n)))
		);
		expect(results.filter((r) => r === null)).toHaveLength(1);
		expect(results.filter((r) => r === 'setup_done')).toHaveLength(4);
		const winner = admin(results.indexOf(null) + 1);

		const { rows } = await fresh.owner.query<{ email: string; role: string; slug: string }>(
			`select u.email, m.role, o.slug from auth.users u
			 join public.memberships m on m.user_id = u.id
			 join public.organizations o on o.id = m.org_id`
		);
		expect(rows).toEqual([{ email: winner.email, role: 'admin', slug: winner.orgSlug }]);
		expect(await blank().auth.setupNeeded()).toBe(false);
		expect(await blank().auth.createFirstAdmin(admin(9))).toBe('setup_done');
		expect(await blank().auth.signIn(winner.email, winner.password)).toMatch(/^[0-9a-f]{64}$/);
	});
});
