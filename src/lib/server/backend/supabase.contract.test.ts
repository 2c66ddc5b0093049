/**
 * The Supabase mode's contract: every call Koe makes goes through supabase-js's
 * own request path (@supabase/ssr's server client, `.rpc()`, Supabase Auth) and
 * is answered by the real SQL of a test database with PostgREST's rules. A
 * renamed function, a wrong argument name or a missing grant fails here.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDefinition } from '$lib/domain/fixtures';
import { supabaseSession } from '../auth/session';
import { anonClient, type SupabaseConfig } from '../supabase/client';
import { cookieJar, type CookieJar } from '../testing/cookies';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import { fakeSupabase, type FakeSupabase } from '../testing/supabase';
import { signJwt } from '../testing/supabase/jwt';
import { RpcError } from '../rpc/types';
import { deriveCode } from '../samples/codes';

const PASSWORD = 'correct horse battery';
const SITE = new URL('http://localhost:3000/');

let db: TestDatabase;
let supabase: FakeSupabase;
let config: SupabaseConfig;
let org: string;
let surveyId: string;
let versionId: string;

/** A visit with these cookies, as hooks.server.ts resolves it. */
const visit = (cookies: CookieJar = cookieJar()) => supabaseSession(config, { cookies, url: SITE });

async function signedIn(email: string) {
	const cookies = cookieJar();
	expect(await (await visit(cookies)).auth.signIn(email, PASSWORD)).toEqual({ ok: true });
	return { cookies, session: await visit(cookies) };
}

const answers = (district: string) => ({
	district,
	age: 'old',
	stay: 'yes',
	grid: {
		care: { satisfaction: '1', importance: '2' },
		roads: { satisfaction: '3', importance: '3' }
	}
});

beforeAll(async () => {
	db = await createTestDatabase();
	supabase = fakeSupabase(db);
	config = { url: supabase.url, key: supabase.anonKey, fetch: supabase.fetch };
	org = await createOrganization(db.owner, 'contract-city');
	await createStaff(db.owner, org, 'admin@contract.example', 'admin');
	await createStaff(db.owner, org, 'analyst@contract.example', 'analyst');
	({ surveyId, versionId } = await createSurvey(db.owner, org, 'contract', sampleDefinition));
});
afterAll(() => db.drop());

describe('a resident, anonymous, through supabase-js', () => {
	it('finds, answers once (retries included) and resumes a survey', async () => {
		const { user, backend } = await visit();
		expect(user).toBeNull();
		expect(await backend.health()).toBe(true);
		expect((await backend.surveys.listOpen()).map((s) => s.slug)).toContain('contract');
		const survey = await backend.surveys.published('contract');
		expect(survey).toMatchObject({ id: surveyId, versionId, accepting: true });
		expect(survey?.definition.sections.length).toBe(sampleDefinition.sections.length);
		expect(await backend.surveys.strata(surveyId)).toEqual({ districts: [], ageGroups: [] });

		const input = {
			surveyId,
			versionId,
			idempotencyKey: randomUUID(),
			answers: answers('north'),
			language: 'ja'
		};
		const first = await backend.responses.submit(input);
		expect(first).toMatchObject({ ok: true, duplicate: false });
		expect(await backend.responses.submit(input)).toEqual({ ...first, duplicate: true });
		expect(
			await backend.responses.submit({ ...input, idempotencyKey: randomUUID(), answers: {} })
		).toEqual({ ok: false, reason: 'invalid' });

		const code = await backend.responses.saveDraft({
			code: null,
			surveyId,
			versionId,
			answers: { district: 'south' },
			page: 1
		});
		expect(code).toMatch(/^[A-Z0-9]{12}$/);
		expect(await backend.responses.loadDraft(code!, surveyId)).toMatchObject({ page: 1 });
		await backend.responses.discardDraft(code!);
		expect(await backend.responses.loadDraft(code!, surveyId)).toBeNull();
		expect(await backend.members.peekInvitation('0'.repeat(64))).toBeNull();
	});

	it('is refused what only staff may call, by the grants and policies in SQL', async () => {
		const { backend } = await visit();
		expect(await backend.staff.memberships()).toEqual([]);
		expect(await backend.results.questionCounts(surveyId)).toEqual([]);
		for (const call of [() => backend.surveys.listForStaff(), () => backend.members.list(org)]) {
			const refused = await call().catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(RpcError);
			expect((refused as RpcError).code).toBe('42501');
		}
	});
});

describe('staff, signed in through Supabase Auth', () => {
	it('keeps the session in httpOnly cookies and verifies it on every request', async () => {
		const { cookies, session } = await signedIn('admin@contract.example');
		expect(session.user).toMatchObject({ email: 'admin@contract.example', role: 'authenticated' });
		const authCookies = [...cookies.options].filter(([name]) => name.startsWith('sb-'));
		expect(authCookies.length).toBeGreaterThan(0);
		for (const [, options] of authCookies) {
			expect(options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
		}
		// A token signed by anyone but the project is not a session.
		const forged = signJwt(
			{ sub: session.user?.sub, role: 'authenticated', email: 'admin@contract.example', exp: 2e9 },
			'someone else’s secret, not the project’s'
		);
		const stolen = await visit(
			cookieJar({
				'sb-127-auth-token': JSON.stringify({
					access_token: forged,
					refresh_token: 'none',
					token_type: 'bearer',
					expires_in: 3600,
					expires_at: 2e9,
					user: { id: session.user?.sub, email: 'admin@contract.example' }
				})
			})
		);
		expect(stolen.user).toBeNull();
	});

	it('refuses a wrong password with the same answer for any address', async () => {
		const { auth } = await visit();
		expect(await auth.signIn('admin@contract.example', 'not the password')).toEqual({
			ok: false,
			reason: 'wrong'
		});
		expect(await auth.signIn('nobody@contract.example', PASSWORD)).toEqual({
			ok: false,
			reason: 'wrong'
		});
	});

	it('reads and changes what the role allows, and nothing else', async () => {
		const admin = (await signedIn('admin@contract.example')).session.backend;
		const analyst = (await signedIn('analyst@contract.example')).session.backend;

		expect(await admin.staff.memberships()).toMatchObject([{ orgId: org, role: 'admin' }]);
		expect((await admin.surveys.listForStaff()).map((s) => s.id)).toEqual([surveyId]);
		expect(await admin.surveys.hasDemoData(surveyId)).toBe(false);
		expect(await admin.results.respondents(surveyId)).toBe(1);
		expect(await admin.results.questionCounts(surveyId)).toContainEqual({
			question_key: 'stay',
			item: '',
			choice: 'yes',
			n: 1
		});
		expect((await admin.results.crosstab(surveyId, 'stay')).length).toBeGreaterThan(0);
		expect(await admin.results.strata(surveyId)).toHaveLength(1);
		expect(await admin.results.texts(surveyId, 'stay', null)).toEqual([]);
		expect(await admin.results.mayReadRaw(surveyId)).toBe(true);
		expect(await analyst.results.mayReadRaw(surveyId)).toBe(false);

		const members = await admin.members.list(org);
		expect(members.map((m) => m.email)).toEqual([
			'admin@contract.example',
			'analyst@contract.example'
		]);
		expect(await analyst.members.list(org)).toEqual([]);
		const analystId = members[1].userId;
		expect(await admin.members.setRole(org, analystId, 'editor')).toEqual({ ok: true });
		expect(await analyst.members.setRole(org, analystId, 'admin')).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await admin.members.setRole(org, members[0].userId, 'editor')).toEqual({
			ok: false,
			reason: 'last_admin'
		});

		const token = await admin.members.invite(org, 'new@contract.example', 'analyst');
		expect(await admin.members.peekInvitation(token)).toMatchObject({ role: 'analyst' });
		const [invitation] = await admin.members.invitations(org);
		expect(invitation).toMatchObject({ email: 'new@contract.example', acceptedAt: null });
		expect(await admin.members.revokeInvitation(org, invitation.id)).toBe(true);
		expect(await admin.members.accept(token)).toBe(false);

		const audit = await admin.audit.list(org, { entity: 'memberships' });
		expect(audit[0]).toMatchObject({ action: 'update', entity: 'memberships' });
		expect(await admin.members.remove(org, analystId)).toEqual({ ok: true });
	});

	it('builds, publishes and schedules questionnaires as an editor would', async () => {
		const { backend } = (await signedIn('admin@contract.example')).session;
		const created = await backend.builder.create(
			org,
			'contract-2',
			{ ja: '第2回' },
			sampleDefinition
		);
		if (!created.ok) throw new Error(created.reason);
		expect(await backend.builder.create(org, 'contract-2', { ja: 'x' }, sampleDefinition)).toEqual({
			ok: false,
			reason: 'slug_taken'
		});
		expect(await backend.builder.saveDraft(created.value, sampleDefinition)).toMatchObject({
			ok: true
		});
		expect(await backend.builder.publish(created.value)).toMatchObject({ ok: true });
		expect(await backend.builder.setSchedule(created.value, 'open', null, null)).toEqual({
			ok: true,
			value: null
		});
		const editable = await backend.builder.get(created.value);
		expect(editable).toMatchObject({ slug: 'contract-2', status: 'open', orgId: org });
		expect(editable?.versions[0].publishedAt).toEqual(expect.any(String));
		const copy = await backend.builder.duplicate(created.value, 'contract-3', { ja: '第3回' });
		expect(copy).toMatchObject({ ok: true });
	});

	it('signs in by a one-time email link, and says nothing about unknown addresses', async () => {
		const { auth } = await visit();
		await auth.sendMagicLink('nobody@contract.example', '/dashboard');
		expect(supabase.outbox).toEqual([]);
		await auth.sendMagicLink('admin@contract.example', '/dashboard');
		const [mail] = supabase.outbox.splice(0);
		expect(mail).toMatchObject({ type: 'magiclink', email: 'admin@contract.example' });

		const cookies = cookieJar();
		expect(await (await visit(cookies)).auth.confirmMagicLink(mail.tokenHash)).toBe(true);
		expect((await visit(cookies)).user?.email).toBe('admin@contract.example');
		expect(await (await visit()).auth.confirmMagicLink(mail.tokenHash)).toBe(false);
	});

	it('resets a password by a one-time link and ends every session', async () => {
		const email = 'reset@contract.example';
		await createStaff(db.owner, org, email, 'analyst');
		const before = await signedIn(email);
		expect(await (await visit()).auth.requestPasswordReset(email)).toBeNull();
		const [mail] = supabase.outbox.splice(0);
		expect(mail).toMatchObject({ type: 'recovery', email });

		const { auth } = await visit();
		expect(await auth.resetPassword(mail.tokenHash, 'a new sturdy passphrase')).toBeNull();
		expect((await visit(before.cookies)).user).toBeNull();
		expect(await auth.resetPassword(mail.tokenHash, 'another passphrase!!')).toBe('invalid_token');
		expect(await (await visit()).auth.signIn(email, 'a new sturdy passphrase')).toEqual({
			ok: true
		});
	});

	it('lets an invitee join with a new account, or with their own password', async () => {
		const admin = (await signedIn('admin@contract.example')).session.backend;
		const token = await admin.members.invite(org, 'invitee@contract.example', 'analyst');
		const cookies = cookieJar();
		const { auth } = await visit(cookies);
		expect(await auth.joinWithPassword(token, 'invitee@contract.example', 'short')).toBe(
			'too_short'
		);
		expect(
			await auth.joinWithPassword(token, 'invitee@contract.example', 'a sturdy passphrase')
		).toBeNull();
		expect(await (await visit(cookies)).backend.staff.memberships()).toMatchObject([
			{ orgId: org, role: 'analyst' }
		]);
		const again = await admin.members.invite(org, 'admin@contract.example', 'analyst');
		expect(
			await (await visit()).auth.joinWithPassword(again, 'admin@contract.example', 'wrong one!!!!')
		).toBe('wrong_password');
		expect(
			await (
				await visit()
			).auth.joinWithPassword(token, 'invitee@contract.example', 'a sturdy passphrase')
		).toBe('invitation_invalid');
	});

	it('signs out here, or everywhere', async () => {
		const one = await signedIn('admin@contract.example');
		const two = await signedIn('admin@contract.example');
		await one.session.auth.signOut();
		expect((await visit(one.cookies)).user).toBeNull();
		expect((await visit(two.cookies)).user).not.toBeNull();
		const three = await signedIn('admin@contract.example');
		await three.session.auth.signOutEverywhere();
		expect((await visit(two.cookies)).user).toBeNull();
		expect((await visit(three.cookies)).user).toBeNull();
	});
});

describe('first-run setup on Supabase', () => {
	it('makes the first account the admin of a new organisation, once', async () => {
		const fresh = await createTestDatabase();
		const project = fakeSupabase(fresh);
		const on = { url: project.url, key: project.anonKey, fetch: project.fetch };
		try {
			const cookies = cookieJar();
			const first = await supabaseSession(on, { cookies, url: SITE });
			expect(await first.auth.setupNeeded()).toBe(true);
			const input = {
				email: 'first@city.example',
				password: 'a sturdy passphrase',
				orgSlug: 'first-city',
				orgName: '最初の市'
			};
			expect(await first.auth.createFirstAdmin(input)).toBeNull();
			const after = await supabaseSession(on, { cookies, url: SITE });
			expect(await after.backend.staff.memberships()).toMatchObject([
				{ orgSlug: 'first-city', role: 'admin' }
			]);
			expect(await after.auth.setupNeeded()).toBe(false);
			const second = await supabaseSession(on, { cookies: cookieJar(), url: SITE });
			expect(await second.auth.createFirstAdmin({ ...input, email: 'second@city.example' })).toBe(
				'setup_done'
			);
		} finally {
			supabase.calls.push(...project.calls);
			await fresh.drop();
		}
	});
});

describe('weighting and statistics through supabase-js', () => {
	it('saves and reads the population, and reads cross-tabs and number distributions', async () => {
		await db.owner.query(
			`insert into public.districts (org_id, code, name) values ($1, 'north', '{"ja":"北"}')`,
			[org]
		);
		await db.owner.query(
			`insert into public.age_groups (org_id, code, name, min_age) values ($1, 'old', '{"ja":"高"}', 60)`,
			[org]
		);
		const { backend } = (await signedIn('admin@contract.example')).session;
		const row = { line: '1', district: 'north', age_group: 'old', population: '1000' };
		expect(await backend.population.save(surveyId, [row])).toEqual({ ok: true, saved: 1 });
		expect(await backend.population.save(surveyId, [{ ...row, population: '-1' }])).toEqual({
			ok: false,
			problems: [{ line: '1', problem: 'negative' }]
		});
		expect(await backend.population.get(surveyId)).toEqual({
			editable: true,
			rows: [{ district: 'north', age_group: 'old', population: 1000 }]
		});
		expect(await backend.results.crosstabAll(surveyId)).toContainEqual(
			expect.objectContaining({ question_key: 'stay', choice: 'yes', district: 'north' })
		);
		expect(await backend.results.numberDistribution(surveyId, 'stay')).toEqual([]);
	});
});

describe('public results through supabase-js', () => {
	it('lets an admin publish results, which anyone then reads suppressed', async () => {
		const anonymous = (await visit()).backend;
		expect(await anonymous.publicResults.read('contract')).toBeNull();
		const { backend } = (await signedIn('admin@contract.example')).session;
		expect(await backend.publicResults.setPublished(surveyId, true)).toEqual({
			ok: true,
			published: true
		});
		const results = await anonymous.publicResults.read('contract');
		expect(results).toMatchObject({ slug: 'contract', minCellSize: 5 });
		// One response: every count is a small cell.
		expect(results?.counts).toContainEqual({
			question_key: 'stay',
			item: '',
			choice: 'yes',
			n: null
		});
		expect(await anonymous.publicResults.setPublished(surveyId, false)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await backend.publicResults.setPublished(surveyId, false)).toMatchObject({ ok: true });
		expect(await anonymous.publicResults.read('contract')).toBeNull();
	});
});

describe('exports through supabase-js', () => {
	it('reads the overview, and the raw file only with raw-data rights', async () => {
		const admin = (await signedIn('admin@contract.example')).session.backend;
		expect(await admin.results.overview(surveyId)).toMatchObject({ min_cell_size: 5 });
		const raw = await admin.results.rawResponses(surveyId);
		expect(raw.length).toBe(await admin.results.respondents(surveyId));
		expect(raw[0]).toMatchObject({ response_no: 1, district: 'north', source: 'web' });
		expect(raw[0].answers).toContainEqual(
			expect.objectContaining({ question_key: 'stay', item: '', choice: 'yes' })
		);
		const refused = await (
			await visit()
		).backend.results
			.rawResponses(surveyId)
			.catch((e: unknown) => e);
		expect((refused as RpcError).code).toBe('42501');
	});
});

describe('breakdown cross-tabs through supabase-js', () => {
	it('reads a filtered cross-tab by a stratum, exact for an admin and suppressed for an analyst', async () => {
		const filter = {
			district: 'north',
			ageGroup: null,
			source: 'web' as const,
			from: null,
			to: null
		};
		const target = { question: 'stay', item: '' };
		const admin = (await signedIn('admin@contract.example')).session.backend;
		const exact = await admin.results.breakdown(surveyId, target, '#district', filter);
		const total = await admin.results.respondents(surveyId);
		expect(exact).toContainEqual({ grp: null, choice: null, n: total });
		const analyst = (await signedIn('analyst@contract.example')).session.backend;
		const hidden = await analyst.results.breakdown(surveyId, target, '#district', filter);
		// A handful of responses (in the analyst's districts, if any): every count is a small cell.
		expect(hidden.every((c) => c.n === null || c.n === 0)).toBe(true);
	});
});

describe('organisation settings through supabase-js', () => {
	it('reads and changes k as an admin, refused to others', async () => {
		const admin = (await signedIn('admin@contract.example')).session.backend;
		expect(await admin.organization.settings(org)).toMatchObject({ minCellSize: 5 });
		expect(await admin.organization.setMinCellSize(org, 12)).toBe('out_of_range');
		expect(await admin.organization.setMinCellSize(org, 6)).toBeNull();
		expect(await admin.organization.setMinCellSize(org, 5)).toBeNull();
		expect(
			await (await visit()).backend.organization.setMinCellSize(org, 6).catch(() => 'refused')
		).toBe('refused');
	});
});

describe('the mailed sample and paper questionnaires through supabase-js', () => {
	it('imports codes, answers with one, keys paper twice, and reads the response rate', async () => {
		const city = await createOrganization(db.owner, 'sample-city');
		await db.owner.query(
			`insert into public.districts (org_id, code, name) values ($1, 'north', '{"ja":"北"}');
			 insert into public.age_groups (org_id, code, name, min_age) values ($1, 'old', '{"ja":"高"}', 60)`.replaceAll(
				'$1',
				`'${city}'`
			)
		);
		await createStaff(db.owner, city, 'editor@sample.example', 'editor');
		await createStaff(db.owner, city, 'entry@sample.example', 'data_entry');
		await createStaff(db.owner, city, 'entry2@sample.example', 'data_entry');
		const mailed = await createSurvey(db.owner, city, 'sampled', sampleDefinition);
		const editor = (await signedIn('editor@sample.example')).session.backend;
		const entry = (await signedIn('entry@sample.example')).session.backend;
		const entry2 = (await signedIn('entry2@sample.example')).session.backend;

		await editor.samples.saveSettings(mailed.surveyId, {
			requiresCode: true,
			doubleEntry: true,
			paperTooMany: 'first',
			letterText: '拝啓',
			reminderText: '先日',
			sender: '企画課'
		});
		const summary = await editor.samples.summary(mailed.surveyId);
		expect(summary).toMatchObject({
			codes: 0,
			nextLetter: 1,
			requiresCode: true,
			letterText: '拝啓'
		});
		const codes = [1, 2, 3].map((n) => deriveCode('contract', mailed.surveyId, n));
		const rows = codes.map((code, i) => ({
			line: String(i + 2),
			code,
			district: 'north',
			age_group: 'old',
			name: `住民${i}`,
			postal_code: null,
			address: null
		}));
		expect(await editor.samples.import(mailed.surveyId, 1, rows)).toMatchObject({
			ok: true,
			imported: 3
		});
		expect(await editor.samples.letters(mailed.surveyId, 1, 3)).toHaveLength(3);

		const resident = (await visit()).backend;
		expect(await resident.samples.codeStatus(mailed.surveyId, codes[0])).toBe('ok');
		const sent = await resident.responses.submit({
			surveyId: mailed.surveyId,
			versionId: mailed.versionId,
			idempotencyKey: randomUUID(),
			answers: answers('south'),
			language: 'ja',
			code: codes[0]
		});
		expect(sent).toMatchObject({ ok: true });

		expect(await entry.paper.settings(mailed.surveyId)).toEqual({
			doubleEntry: true,
			tooMany: 'first',
			requiresCode: true
		});
		const sheet = (answersOf: Record<string, string>) => ({
			surveyId: mailed.surveyId,
			versionId: mailed.versionId,
			idempotencyKey: randomUUID(),
			answers: answersOf,
			code: codes[1],
			sheet: null,
			fields: {}
		});
		expect(await entry.paper.submit(sheet({ stay: 'yes' }))).toEqual({ ok: true, status: 'first' });
		expect(await entry2.paper.submit(sheet({ stay: 'no' }))).toEqual({
			ok: true,
			status: 'mismatch'
		});
		expect(await entry.paper.waiting(mailed.surveyId)).toBe(0);
		const [review] = await entry.paper.mismatches(mailed.surveyId);
		expect(review.entries).toHaveLength(2);
		expect(await entry.paper.resolve(review.entries[0].id, { stay: 'yes' }, codes[1])).toEqual({
			ok: true,
			status: 'saved'
		});

		const rates = await editor.samples.responseRate(mailed.surveyId);
		// an editor has no raw-data rights: 2 responses are a small cell (k = 5)
		expect(rates).toEqual([
			{ district: 'north', age_group: 'old', sampled: 3, responded: null, web: null, paper: null }
		]);
		const { rows: used } = await db.owner.query<{ used_via: string }>(
			'select used_via from public.invitation_codes where survey_id = $1 order by used_via',
			[mailed.surveyId]
		);
		expect(used.map((u) => u.used_via)).toEqual(['paper', 'web', null]);
		expect(await editor.samples.forgetMailing(mailed.surveyId)).toBe(3);
	});
});

describe('public comment and plan timelines through supabase-js', () => {
	it('publishes a draft, takes comments from the web and paper, answers and publishes them', async () => {
		const city = await createOrganization(db.owner, 'comment-city');
		await createStaff(db.owner, city, 'editor@comment.example', 'editor');
		const editor = (await signedIn('editor@comment.example')).session.backend;
		const resident = (await visit()).backend;
		const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
		const id = await editor.consultations.save(null, city, {
			slug: 'contract-draft',
			title: '計画（案）',
			summary: '',
			pdfUrl: null,
			opensOn: today,
			closesOn: today,
			askName: 'none',
			askAddress: 'none'
		});
		expect(
			await editor.consultations.saveSections(id, [{ heading: '総論', body: '本文' }])
		).toEqual({ ok: true });
		await editor.consultations.publish(id, { published: true });
		const draft = await resident.consultations.readPublic('contract-draft');
		expect(draft?.phase).toBe('open');
		expect(
			await resident.consultations.submit(
				'contract-draft',
				{
					sectionId: draft!.sections[0].id,
					body: '意見',
					name: null,
					address: null,
					consent: true
				},
				'192.0.2.9',
				randomUUID()
			)
		).toEqual({ ok: true, no: 1 });
		expect(
			await editor.consultations.enter(id, {
				sectionId: null,
				body: '紙の意見',
				name: null,
				address: null,
				consent: true,
				channel: 'paper',
				receivedOn: today
			})
		).toEqual({ ok: true, no: 2 });
		expect((await editor.consultations.list()).map((c) => c.slug)).toEqual(['contract-draft']);
		const read = await editor.consultations.read(id);
		const group = await editor.consultations.saveGroup(id, null, {
			sectionId: null,
			summary: 'まとめ',
			response: '考え方',
			revised: false,
			revisionNote: ''
		});
		for (const c of read!.comments) {
			await editor.consultations.review(c.id, {
				sectionId: null,
				kind: 'other',
				groupId: group,
				summary: c.body,
				response: '',
				revised: null,
				revisionNote: ''
			});
		}
		await editor.consultations.publish(id, { results: true });
		expect((await resident.consultations.results('contract-draft'))?.rows).toEqual([
			{
				nos: [1, 2],
				section: null,
				summary: 'まとめ',
				response: '考え方',
				revised: false,
				revisionNote: ''
			}
		]);

		const plan = await editor.plans.save(null, city, {
			slug: 'contract-plan',
			title: '計画',
			summary: ''
		});
		await editor.plans.saveMilestones(plan, [
			{
				kind: 'public_comment',
				title: 'パブリックコメント',
				startsOn: today,
				endsOn: today,
				status: 'ongoing',
				surveyId: null,
				consultationId: id
			}
		]);
		expect((await editor.plans.list()).map((p) => p.slug)).toEqual(['contract-plan']);
		expect((await resident.plans.readPublic('contract-plan'))?.milestones[0]).toMatchObject({
			consultationSlug: 'contract-draft',
			consultationResults: true
		});
	});
});

describe('the contract itself', () => {
	it('exercised every function the Supabase mode calls, and never as service_role', () => {
		const sources = [
			...fs
				.readdirSync('src/lib/server/backend/calls')
				.map((f) => `src/lib/server/backend/calls/${f}`),
			'src/lib/server/backend/index.ts',
			'src/lib/server/auth/supabase.ts'
		];
		const called = new Set(
			sources.flatMap((file) =>
				[
					...fs.readFileSync(file, 'utf8').matchAll(/(?:caller|anon)\b[^;]*?\(\s*'([a-z0-9_]+)'/gs)
				].map((m) => m[1])
			)
		);
		expect(called.size).toBeGreaterThan(25);
		const answered = new Set(supabase.calls.filter((c) => c.status === 200).map((c) => c.fn));
		expect([...called].filter((fn) => !answered.has(fn))).toEqual([]);
		expect(supabase.calls.some((c) => c.role === 'service_role')).toBe(false);
	});

	it('fails a call whose function or argument names are wrong', async () => {
		const client = anonClient(config);
		const renamed = await client.rpc('surveys_opened');
		expect(renamed.error).toMatchObject({ code: 'PGRST202' });
		const misnamed = await client.rpc('survey_published', { slug: 'contract' });
		expect(misnamed.error).toMatchObject({ code: 'PGRST202' });
		expect(renamed.status).toBe(404);
	});
});
