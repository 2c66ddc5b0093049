/**
 * Save and resume in SQL (supabase/migrations/20261124001000_resume.sql): drafts
 * are reached only through the draft_* functions, kept under a hash of their code,
 * expire, and leave nothing behind that joins a code to a response.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDefinition } from '$lib/domain/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

let db: TestDatabase;
let survey: { surveyId: string; versionId: string };
let other: { surveyId: string; versionId: string };
let closed: { surveyId: string; versionId: string };

beforeAll(async () => {
	db = await createTestDatabase();
	const org = await createOrganization(db.owner, 'drafts');
	survey = await createSurvey(db.owner, org, 'draft-city', sampleDefinition);
	other = await createSurvey(db.owner, org, 'draft-other', sampleDefinition);
	closed = await createSurvey(db.owner, org, 'draft-closed', sampleDefinition, 'closed');
});
afterAll(() => db.drop());

const responses = () => createSqlBackend(db.app, null).responses;
const firstPage = { district: 'north', age: 'old' };
const save = (code: string | null, answers: object = firstPage, page = 1, target = survey) =>
	responses().saveDraft({
		code,
		surveyId: target.surveyId,
		versionId: target.versionId,
		answers: answers as never,
		page
	});
const rows = async () =>
	(await db.owner.query<Record<string, unknown>>('select * from koe_private.answer_drafts')).rows;

describe('drafts', () => {
	it('makes a 12-character code without look-alikes and resumes from it, however typed', async () => {
		const code = await save(null);
		expect(code).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
		const typed = [
			code!,
			`${code!.slice(0, 4)}-${code!.slice(4, 8)}-${code!.slice(8)}`.toLowerCase(),
			// a Japanese IME's full-width letters and spaces
			code!.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) + '　'
		];
		for (const t of typed) {
			expect(await responses().loadDraft(t, survey.surveyId)).toEqual({
				code,
				versionId: survey.versionId,
				answers: firstPage,
				page: 1
			});
		}
	});

	it('keeps one draft per code, updated at every page', async () => {
		const code = await save(null);
		expect(await save(code, { ...firstPage, stay: 'no' }, 3)).toBe(code);
		const draft = await responses().loadDraft(code!, survey.surveyId);
		expect(draft?.page).toBe(3);
		expect(draft?.answers).toEqual({ ...firstPage, stay: 'no' });
	});

	it('stores only a hash of the code, the day, and nothing about the session or a person', async () => {
		const code = await save(null);
		const { rows: columns } = await db.owner.query<{ column_name: string; data_type: string }>(
			`select column_name, data_type from information_schema.columns
			 where table_schema = 'koe_private' and table_name = 'answer_drafts' order by ordinal_position`
		);
		expect(columns.map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
			'code_hash:bytea',
			'survey_id:uuid',
			'version_id:uuid',
			'answers:jsonb',
			'page:integer',
			'saved_on:date',
			'expires_on:date'
		]);
		const stored = JSON.stringify(await rows());
		expect(stored).not.toContain(code);
	});

	it('finds nothing for an unknown, malformed or other survey code, and refuses to mix surveys', async () => {
		const code = await save(null);
		expect(await responses().loadDraft('ABCD-EFGH-JKLM', survey.surveyId)).toBeNull();
		expect(await responses().loadDraft('not a code', survey.surveyId)).toBeNull();
		expect(await responses().loadDraft('', survey.surveyId)).toBeNull();
		expect(await responses().loadDraft(code!, other.surveyId)).toBeNull();
		await expect(save(code, firstPage, 1, other)).rejects.toMatchObject({ code: '22023' });
		await expect(save('0000-1111-OOOO')).rejects.toMatchObject({ code: '22023' });
	});

	it('refuses answers over 200 KB and pages out of range', async () => {
		await expect(save(null, { comment: 'あ'.repeat(70_000) })).rejects.toMatchObject({
			code: '22023'
		});
		await expect(save(null, firstPage, -1)).rejects.toMatchObject({ code: '22023' });
	});

	it('neither saves nor loads drafts of a closed survey', async () => {
		expect(await save(null, firstPage, 1, closed)).toBeNull();
		const code = await save(null);
		await db.owner.query(`update public.surveys set status = 'closed' where id = $1`, [
			survey.surveyId
		]);
		try {
			expect(await responses().loadDraft(code!, survey.surveyId)).toBeNull();
		} finally {
			await db.owner.query(`update public.surveys set status = 'open' where id = $1`, [
				survey.surveyId
			]);
		}
		expect(await responses().loadDraft(code!, survey.surveyId)).not.toBeNull();
	});

	it('expires after 30 days at most, and by the survey closing date', async () => {
		const { rows: dates } = await db.owner.query<{ ok: boolean }>(
			`select bool_and(expires_on <= saved_on + 30) as ok from koe_private.answer_drafts`
		);
		expect(dates[0].ok).toBe(true);
		const code = await save(null);
		await db.owner.query(
			`update koe_private.answer_drafts set expires_on = current_date - 1
			 where code_hash = sha256(convert_to($1, 'UTF8'))`,
			[code]
		);
		expect(await responses().loadDraft(code!, survey.surveyId)).toBeNull();
		// the next save by anyone sweeps it away
		await save(null);
		const { rows: left } = await db.owner.query(
			`select 1 from koe_private.answer_drafts where expires_on < current_date`
		);
		expect(left).toEqual([]);

		await db.owner.query(
			`update public.surveys set closes_at = now() + interval '3 days' where id = $1`,
			[other.surveyId]
		);
		const soon = await save(null, firstPage, 1, other);
		const { rows: expiry } = await db.owner.query<{ days: number }>(
			`select expires_on - current_date as days from koe_private.answer_drafts
			 where code_hash = sha256(convert_to($1, 'UTF8'))`,
			[soon]
		);
		expect(expiry[0].days).toBeLessThanOrEqual(3);
	});

	it('is gone once its session has submitted', async () => {
		const code = await save(null, { ...firstPage, stay: 'yes' }, 3);
		const submitted = await responses().submit({
			surveyId: survey.surveyId,
			versionId: survey.versionId,
			idempotencyKey: randomUUID(),
			answers: {
				...firstPage,
				stay: 'yes',
				grid: {
					care: { satisfaction: '1', importance: '3' },
					roads: { satisfaction: '2', importance: '1' }
				}
			},
			language: 'ja'
		});
		expect(submitted.ok).toBe(true);
		await responses().discardDraft(code!);
		expect(await responses().loadDraft(code!, survey.surveyId)).toBeNull();
		const { rows: left } = await db.owner.query(
			`select 1 from koe_private.answer_drafts where code_hash = sha256(convert_to($1, 'UTF8'))`,
			[code]
		);
		expect(left).toEqual([]);
	});

	it('is out of reach for anonymous callers except through the functions', async () => {
		for (const sql of [
			'select * from koe_private.answer_drafts',
			'delete from koe_private.answer_drafts',
			'select koe_private.new_resume_code()'
		]) {
			await expect(runAnon(sql)).rejects.toMatchObject({ code: '42501' });
		}
	});
});

async function runAnon(sql: string) {
	const client = await db.app.connect();
	try {
		await client.query('begin');
		await client.query('set local role anon');
		await client.query(sql);
	} finally {
		await client.query('rollback');
		client.release();
	}
}
