import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '$lib/domain/branching';
import { sampleDefinition } from '$lib/domain/fixtures';
import type { Claims } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

let db: TestDatabase;
let survey: { surveyId: string; versionId: string };
let draft: { surveyId: string; versionId: string };
let analyst: Claims;
let outsider: Claims;

const answers = {
	district: 'north',
	age: 'old',
	stay: 'no',
	why_leave: ['jobs', 'shops'],
	grid: {
		care: { satisfaction: '1', importance: '3' },
		roads: { satisfaction: '2', importance: '1' }
	},
	comment: 'もっとバスを'
};

beforeAll(async () => {
	db = await createTestDatabase();
	const org = await createOrganization(db.owner, 'mine');
	const other = await createOrganization(db.owner, 'other');
	survey = await createSurvey(db.owner, org, 'city-survey', sampleDefinition);
	draft = await createSurvey(db.owner, org, 'draft-survey', sampleDefinition, 'draft');
	analyst = await createStaff(db.owner, org, 'analyst@example.jp');
	outsider = await createStaff(db.owner, other, 'outsider@example.jp');
});
afterAll(() => db.drop());

const anon = () => createSqlBackend(db.app, null);
const submit = (
	extra: Partial<Parameters<ReturnType<typeof anon>['responses']['submit']>[0]> = {}
) =>
	anon().responses.submit({
		surveyId: survey.surveyId,
		versionId: survey.versionId,
		idempotencyKey: randomUUID(),
		answers,
		language: 'ja',
		...extra
	});

describe('request context and row-level security', () => {
	it('runs as the authenticator role, switching to anon per request', async () => {
		const { rows } = await db.app.query(
			'select current_user as who, (select rolsuper from pg_roles where rolname = current_user) as su'
		);
		expect(rows[0]).toEqual({ who: 'authenticator', su: false });
	});

	it('shows residents open surveys only, never a draft', async () => {
		const open = await anon().surveys.listOpen();
		expect(open.map((s) => s.slug)).toEqual(['city-survey']);
		expect(await anon().surveys.published('draft-survey')).toBeNull();
	});

	it('hides responses and rollups from anonymous callers', async () => {
		await submit();
		expect(await anon().results.strata(survey.surveyId)).toEqual([]);
		expect(await anon().results.questionCounts(survey.surveyId)).toEqual([]);
		const direct = createSqlBackend(db.app, null);
		expect(await direct.surveys.hasDemoData(survey.surveyId)).toBe(false);
	});

	it('shows staff their own organisation only', async () => {
		const mine = createSqlBackend(db.app, analyst);
		expect((await mine.results.strata(survey.surveyId)).length).toBeGreaterThan(0);
		expect((await mine.surveys.listForStaff()).map((s) => s.slug).sort()).toEqual([
			'city-survey',
			'draft-survey'
		]);
		const theirs = createSqlBackend(db.app, outsider);
		expect(await theirs.results.strata(survey.surveyId)).toEqual([]);
		expect(await theirs.surveys.listForStaff()).toEqual([]);
	});

	it('refuses a direct insert into responses from anon', async () => {
		const client = await db.app.connect();
		try {
			await client.query('begin; set local role anon');
			await expect(
				client.query('insert into public.responses (survey_id, version_id) values ($1, $2)', [
					survey.surveyId,
					survey.versionId
				])
			).rejects.toThrow(/permission denied/);
		} finally {
			await client.query('rollback');
			client.release();
		}
	});
});

describe('signing in', () => {
	it('gives a token for the right password only, and claims for it', async () => {
		expect(await anon().auth.signIn('analyst@example.jp', 'wrong')).toBeNull();
		expect(await anon().auth.signIn('nobody@example.jp', 'correct horse battery')).toBeNull();
		const token = await anon().auth.signIn('ANALYST@example.jp ', 'correct horse battery');
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		expect(await anon().auth.claims(token!)).toMatchObject({
			sub: analyst.sub,
			role: 'authenticated',
			email: 'analyst@example.jp'
		});
		await anon().auth.signOut(token!);
		expect(await anon().auth.claims(token!)).toBeNull();
	});

	it('stores bcrypt hashes, not passwords', async () => {
		const { rows } = await db.owner.query<{ encrypted_password: string }>(
			`select encrypted_password from auth.users where email = 'analyst@example.jp'`
		);
		expect(rows[0].encrypted_password).toMatch(/^\$2[abxy]?\$10\$/);
	});
});

describe('submitting', () => {
	it('stores a retried submission once', async () => {
		const key = randomUUID();
		const results = await Promise.all([
			submit({ idempotencyKey: key }),
			submit({ idempotencyKey: key }),
			submit({ idempotencyKey: key })
		]);
		const ids = new Set(results.map((r) => (r.ok ? r.responseId : 'failed')));
		expect(ids.size).toBe(1);
		expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
		const { rows } = await db.owner.query<{ n: number }>(
			'select count(*)::int as n from public.responses where id = $1',
			[[...ids][0]]
		);
		expect(rows[0].n).toBe(1);
	});

	it('refuses answers the definition does not allow, storing nothing', async () => {
		const before = await db.owner.query<{ n: number }>(
			'select count(*)::int as n from public.responses'
		);
		const invalid: Record<string, unknown>[] = [
			{ ...answers, stay: 'maybe' },
			{ ...answers, why_leave: ['jobs', 'shops', 'transport'] },
			{ ...answers, grid: { nowhere: { satisfaction: '1' } } },
			{ ...answers, unknown_question: 'x' },
			{ ...answers, comment: 'x'.repeat(21) },
			// the rules of branching and required answers hold in SQL too, for any caller
			{ ...answers, stay: 'yes' },
			{ ...answers, why_leave: [] },
			{ ...answers, grid: { care: { satisfaction: '1' } } },
			{ ...answers, district: undefined }
		];
		for (const bad of invalid) {
			expect(await submit({ answers: bad as Answers })).toEqual({ ok: false, reason: 'invalid' });
		}
		const after = await db.owner.query<{ n: number }>(
			'select count(*)::int as n from public.responses'
		);
		expect(after.rows[0].n).toBe(before.rows[0].n);
	});

	it('refuses a closed survey and a draft version', async () => {
		await db.owner.query(`update public.surveys set status = 'closed' where id = $1`, [
			survey.surveyId
		]);
		expect(await submit()).toEqual({ ok: false, reason: 'closed' });
		await db.owner.query(`update public.surveys set status = 'open' where id = $1`, [
			survey.surveyId
		]);
		expect(await submit({ surveyId: draft.surveyId, versionId: draft.versionId })).toEqual({
			ok: false,
			reason: 'closed'
		});
	});

	it('deletes a survey with its published versions and responses', async () => {
		const org = await createOrganization(db.owner, 'short-lived');
		const doomed = await createSurvey(db.owner, org, 'doomed-survey', sampleDefinition);
		await db.owner.query('delete from public.organizations where id = $1', [org]);
		const { rows } = await db.owner.query<{ n: number }>(
			'select count(*)::int as n from public.survey_versions where id = $1',
			[doomed.versionId]
		);
		expect(rows[0].n).toBe(0);
	});

	it('keeps a published version immutable', async () => {
		await expect(
			db.owner.query(`update public.survey_versions set definition = '{}' where id = $1`, [
				survey.versionId
			])
		).rejects.toThrow(/published/);
	});

	it('keeps rollups equal to a recount under concurrent submissions', async () => {
		const districts = ['north', 'south'];
		const ages = ['young', 'old'];
		await Promise.all(
			Array.from({ length: 60 }, (_, i) =>
				submit({
					answers: {
						...answers,
						district: districts[i % 2],
						age: ages[Math.floor(i / 2) % 2],
						stay: i % 3 ? 'yes' : 'no',
						why_leave: i % 3 ? undefined! : ['transport']
					}
				})
			)
		);
		const recount = await db.owner.query(
			`
			select question_key, item, choice, r.district, r.age_group, count(*)::int as n
			from public.answers a join public.responses r on r.id = a.response_id
			where a.survey_id = $1 and a.choice is not null
			group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
			[survey.surveyId]
		);
		const rollup = await db.owner.query(
			`
			select question_key, item, choice, district, age_group, sum(n)::int as n
			from public.rollup_counts where survey_id = $1 and choice <> ''
			group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
			[survey.surveyId]
		);
		expect(rollup.rows).toEqual(recount.rows);
		const responses = await db.owner.query<{ n: number }>(
			'select count(*)::int as n from public.responses where survey_id = $1',
			[survey.surveyId]
		);
		// raw-data rights: exact counts, no small-cell suppression
		await db.owner.query('update public.memberships set raw_data = true where user_id = $1', [
			analyst.sub
		]);
		const strata = await createSqlBackend(db.app, analyst).results.strata(survey.surveyId);
		expect(strata.reduce((sum, s) => sum + (s.n ?? Number.NaN), 0)).toBe(responses.rows[0].n);
		await db.owner.query('update public.memberships set raw_data = false where user_id = $1', [
			analyst.sub
		]);
	});
});
