/**
 * The mailed sample and paper questionnaires in SQL
 * (supabase/migrations/20261202000900_samples.sql): imports all or nothing,
 * one response per code across web and paper (also under concurrency), the
 * stratum taken from the code, double entry, response rates, deleting mailing
 * details, and the anonymity of it all, read from the schema and the data.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '$lib/domain/questionnaire';
import type { Claims } from '../db/context';
import { deriveCode } from '../samples/codes';
import { generatedEntries, importSample, type SampleEntry } from '../samples/import';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

const SECRET = 'test-secret';
const t = (ja: string) => ({ ja });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: t(key) }));
const def = definition.parse({
	languages: ['ja'],
	strata: { district: 'district', ageGroup: 'age' },
	sections: [
		{
			key: 's',
			title: t('s'),
			questions: [
				{ key: 'district', type: 'single', text: t('地区'), options: options('north', 'south') },
				{ key: 'age', type: 'single', text: t('年代'), options: options('young', 'old') },
				{
					key: 'stay',
					type: 'single',
					text: t('住み続けたい'),
					required: true,
					options: options('yes', 'no')
				},
				{ key: 'likes', type: 'multi', text: t('好き'), max: 2, options: options('a', 'b', 'c') }
			]
		}
	]
});

let db: TestDatabase;
let survey: { surveyId: string; versionId: string };
const staff: Record<'admin' | 'editor' | 'analyst' | 'entry' | 'entry2', Claims> = {} as never;
const as = (claims: Claims | null) => createSqlBackend(db.app, claims);

const entry = (line: number, district: string, ageGroup: string, name: string | null = null) =>
	({
		line,
		district,
		ageGroup,
		name,
		postalCode: null,
		address: name && `${name}町1-1`
	}) as SampleEntry;
const codeOf = (letterNo: number, surveyId = survey.surveyId) =>
	deriveCode(SECRET, surveyId, letterNo);

async function submit(
	code: string | null,
	answers: Record<string, unknown> = { stay: 'yes' },
	key = randomUUID()
) {
	return as(null).responses.submit({
		surveyId: survey.surveyId,
		versionId: survey.versionId,
		idempotencyKey: key,
		answers: answers as never,
		language: 'ja',
		code
	});
}

beforeAll(async () => {
	db = await createTestDatabase();
	const org = await createOrganization(db.owner, 'samples');
	await db.owner.query(
		`insert into public.districts (org_id, code, name, sort)
		 values ($1, 'north', '{"ja":"北地区"}', 1), ($1, 'south', '{"ja":"南地区"}', 2)`,
		[org]
	);
	await db.owner.query(
		`insert into public.age_groups (org_id, code, name, min_age, max_age, sort)
		 values ($1, 'young', '{"ja":"18〜39歳"}', 18, 39, 1), ($1, 'old', '{"ja":"40歳以上"}', 40, null, 2)`,
		[org]
	);
	staff.admin = await createStaff(db.owner, org, 'admin@samples.example', 'admin');
	staff.editor = await createStaff(db.owner, org, 'editor@samples.example', 'editor');
	staff.analyst = await createStaff(db.owner, org, 'analyst@samples.example', 'analyst');
	staff.entry = await createStaff(db.owner, org, 'entry@samples.example', 'data_entry');
	staff.entry2 = await createStaff(db.owner, org, 'entry2@samples.example', 'data_entry');
	survey = await createSurvey(db.owner, org, 'samples', def);
});
afterAll(() => db.drop());

describe('importing a sample', () => {
	it('stores nothing when any row is wrong, and says which rows', async () => {
		const result = await as(staff.editor).samples.import(survey.surveyId, 1, [
			{
				line: '2',
				code: codeOf(1),
				district: 'north',
				age_group: 'young',
				name: null,
				postal_code: null,
				address: null
			},
			{
				line: '3',
				code: codeOf(2),
				district: 'east',
				age_group: 'young',
				name: null,
				postal_code: null,
				address: null
			},
			{
				line: '4',
				code: 'ABCDEFGHJKLM',
				district: 'north',
				age_group: 'teen',
				name: null,
				postal_code: null,
				address: null
			},
			{
				line: '5',
				code: codeOf(1),
				district: 'north',
				age_group: 'old',
				name: null,
				postal_code: null,
				address: null
			}
		]);
		expect(result).toEqual({
			ok: false,
			problems: [
				{ line: '3', problem: 'unknown_district' },
				{ line: '4', problem: 'bad_code' },
				{ line: '4', problem: 'unknown_age_group' },
				{ line: '5', problem: 'duplicate_code' }
			]
		});
		const { rows } = await db.owner.query<{ n: number }>(
			'select count(*)::int as n from public.invitation_codes'
		);
		expect(rows[0].n).toBe(0);
	});

	it('refuses a stale first letter number, and analysts and data entry altogether', async () => {
		const one = {
			line: '2',
			code: codeOf(1),
			district: 'north',
			age_group: 'young',
			name: null,
			postal_code: null,
			address: null
		};
		const stale = await as(staff.editor).samples.import(survey.surveyId, 5, [one]);
		expect(stale).toEqual({ ok: false, changed: true });
		await expect(as(staff.analyst).samples.import(survey.surveyId, 1, [])).rejects.toMatchObject({
			code: '42501'
		});
		expect(await as(staff.entry).samples.summary(survey.surveyId)).toBeNull();
	});

	it('numbers letters on from the last import, codes derived from the secret', async () => {
		const first = await importSample(as(staff.editor).samples, SECRET, survey.surveyId, [
			entry(2, 'north', 'young', '山田'),
			entry(3, 'north', 'old', '佐藤'),
			entry(4, 'south', 'young', '鈴木')
		]);
		expect(first).toEqual({ ok: true, imported: 3, first: 1 });
		const second = await importSample(
			as(staff.editor).samples,
			SECRET,
			survey.surveyId,
			generatedEntries(['north', 'south'], ['young', 'old'], 10)
		);
		expect(second).toEqual({ ok: true, imported: 40, first: 4 });
		const summary = await as(staff.editor).samples.summary(survey.surveyId);
		expect(summary).toMatchObject({
			codes: 43,
			used: 0,
			letters: 43,
			addressed: 3,
			nextLetter: 44
		});
		const letters = await as(staff.editor).samples.letters(survey.surveyId, 1, 4);
		expect(letters.map((l) => [l.letterNo, l.district, l.ageGroup, l.name])).toEqual([
			[1, 'north', 'young', '山田'],
			[2, 'north', 'old', '佐藤'],
			[3, 'south', 'young', '鈴木'],
			[4, 'north', 'young', null]
		]);
		expect(await as(null).samples.codeStatus(survey.surveyId, codeOf(1))).toBe('ok');
		expect(await as(null).samples.codeStatus(survey.surveyId, codeOf(44))).toBe('unknown');
		// another survey's secret-derived code is no code here
		expect(await as(null).samples.codeStatus(survey.surveyId, codeOf(1, randomUUID()))).toBe(
			'unknown'
		);
	});
});

describe('answering with a code', () => {
	it('gives the response the code’s stratum, once; a retry returns the first result', async () => {
		const key = randomUUID();
		// letter 2 is north × old; the answers claim south × young
		const sent = await submit(codeOf(2), { district: 'south', age: 'young', stay: 'yes' }, key);
		expect(sent).toMatchObject({ ok: true, duplicate: false });
		const again = await submit(codeOf(2), { district: 'south', age: 'young', stay: 'yes' }, key);
		expect(again).toMatchObject({ ok: true, duplicate: true });
		expect(await submit(codeOf(2))).toEqual({ ok: false, reason: 'code_used' });
		expect(await as(null).samples.codeStatus(survey.surveyId, codeOf(2))).toBe('used');
		const { rows } = await db.owner.query(
			`select district, age_group, source from public.responses where id = $1`,
			[sent.ok && sent.responseId]
		);
		expect(rows).toEqual([{ district: 'north', age_group: 'old', source: 'web' }]);
	});

	it('takes one of many concurrent submissions with one code', async () => {
		const results = await Promise.all(Array.from({ length: 12 }, () => submit(codeOf(5))));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok && r.reason === 'code_used')).toHaveLength(11);
	});

	it('refuses unknown codes and, when the survey requires one, no code', async () => {
		expect(await submit(codeOf(999))).toEqual({ ok: false, reason: 'code_unknown' });
		expect(await submit('ABCD')).toEqual({ ok: false, reason: 'code_unknown' });
		expect((await submit(null)).ok).toBe(true);
		await db.owner.query('update public.surveys set requires_code = true where id = $1', [
			survey.surveyId
		]);
		expect(await submit(null)).toEqual({ ok: false, reason: 'code_required' });
		await db.owner.query('update public.surveys set requires_code = false where id = $1', [
			survey.surveyId
		]);
	});

	it('resumes under the code, and the draft goes with the response', async () => {
		const backend = as(null).responses;
		const code = codeOf(6);
		await backend.saveDraft({
			code,
			surveyId: survey.surveyId,
			versionId: survey.versionId,
			answers: { stay: 'no' },
			page: 0
		});
		expect((await backend.loadDraft(code, survey.surveyId))?.answers).toEqual({ stay: 'no' });
		expect((await submit(code, { stay: 'no' })).ok).toBe(true);
		expect(await backend.loadDraft(code, survey.surveyId)).toBeNull();
	});
});

describe('paper questionnaires', () => {
	const paper = (
		claims: Claims,
		code: string | null,
		answers: Record<string, unknown>,
		sheet: string | null = null
	) =>
		as(claims).paper.submit({
			surveyId: survey.surveyId,
			versionId: survey.versionId,
			idempotencyKey: randomUUID(),
			answers: answers as never,
			code,
			sheet,
			fields: {}
		});

	it('keys a sheet in without required answers, with its code used on paper', async () => {
		expect(await paper(staff.entry, codeOf(7), { likes: ['a'] })).toEqual({
			ok: true,
			status: 'saved'
		});
		expect(await submit(codeOf(7))).toEqual({ ok: false, reason: 'code_used' });
		// …and the reverse: a code used on the web cannot be keyed in
		expect(await paper(staff.entry, codeOf(2), {})).toEqual({ ok: false, reason: 'code_used' });
		expect(await paper(staff.entry, null, { likes: ['a', 'b', 'c'] })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await paper(staff.entry, 'nonsense', {})).toEqual({ ok: false, reason: 'code_unknown' });
		await expect(paper(staff.analyst, null, {})).rejects.toMatchObject({ code: '42501' });
		const { rows } = await db.owner.query(
			`select district, age_group, source from public.responses r
			 where source = 'paper' order by district`
		);
		// letter 7 is north × young (generated: north young ×10 from letter 4)
		expect(rows).toEqual([{ district: 'north', age_group: 'young', source: 'paper' }]);
	});

	it('double entry: two keyers who agree make a response, who differ a review', async () => {
		await db.owner.query('update public.surveys set double_entry = true where id = $1', [
			survey.surveyId
		]);
		const code = codeOf(8);
		expect(await paper(staff.entry, code, { stay: 'yes' })).toEqual({ ok: true, status: 'first' });
		expect(await paper(staff.entry, code, { stay: 'yes' })).toEqual({
			ok: false,
			reason: 'same_keyer'
		});
		expect(await paper(staff.entry2, code, { stay: 'yes' })).toEqual({ ok: true, status: 'saved' });
		expect(await as(null).samples.codeStatus(survey.surveyId, code)).toBe('used');

		expect(await paper(staff.entry, null, { stay: 'no' })).toEqual({
			ok: false,
			reason: 'sheet_required'
		});
		expect(await paper(staff.entry, null, { stay: 'no' }, 'P-17')).toEqual({
			ok: true,
			status: 'first'
		});
		expect(await as(staff.entry).paper.waiting(survey.surveyId)).toBe(1);
		expect(await paper(staff.entry2, null, { stay: 'yes' }, 'P-17')).toEqual({
			ok: true,
			status: 'mismatch'
		});
		expect(await paper(staff.editor, null, { stay: 'yes' }, 'P-17')).toEqual({
			ok: false,
			reason: 'in_review'
		});
		const [mismatch] = await as(staff.editor).paper.mismatches(survey.surveyId);
		expect(mismatch.sheetLabel).toBe('P-17');
		expect(mismatch.entries.map((e) => e.answers)).toEqual([{ stay: 'no' }, { stay: 'yes' }]);
		const before = await db.owner.query<{ n: number }>(
			`select count(*)::int as n from public.responses`
		);
		expect(
			await as(staff.editor).paper.resolve(mismatch.entries[1].id, { stay: 'yes' }, null)
		).toEqual({ ok: true, status: 'saved' });
		const after = await db.owner.query<{ n: number }>(
			`select count(*)::int as n from public.responses`
		);
		expect(after.rows[0].n).toBe(before.rows[0].n + 1);
		expect(await as(staff.editor).paper.mismatches(survey.surveyId)).toEqual([]);
		expect(await as(staff.editor).paper.resolve(mismatch.entries[1].id, {}, null)).toEqual({
			ok: false,
			reason: 'entry_gone'
		});
		await db.owner.query('update public.surveys set double_entry = false where id = $1', [
			survey.surveyId
		]);
	});
});

describe('response rates and mailing details', () => {
	it('counts used codes against the sample per stratum, suppressed without raw rights', async () => {
		const rows = await as(staff.admin).samples.responseRate(survey.surveyId);
		const cell = (d: string, a: string) => rows.find((r) => r.district === d && r.age_group === a);
		// north × young: letter 1 + 10 generated; used: 5 (web), 6 (web), 7 (paper), 8 (paper)
		expect(cell('north', 'young')).toEqual({
			district: 'north',
			age_group: 'young',
			sampled: 11,
			responded: 4,
			web: 2,
			paper: 2
		});
		expect(cell('north', 'old')).toMatchObject({ sampled: 11, responded: 1, web: 1, paper: 0 });
		const analyst = await as(staff.analyst).samples.responseRate(survey.surveyId);
		expect(analyst.find((r) => r.district === 'north' && r.age_group === 'old')).toMatchObject({
			sampled: 11,
			responded: null
		});
		await expect(as(null).samples.responseRate(survey.surveyId)).rejects.toMatchObject({
			code: '42501'
		});
	});

	it('deletes every name and address in one action, keeping codes and strata', async () => {
		expect(await as(staff.analyst).samples.letters(survey.surveyId, 1, 100)).toEqual([]);
		expect(await as(staff.editor).samples.forgetMailing(survey.surveyId)).toBe(43);
		expect(await as(staff.editor).samples.letters(survey.surveyId, 1, 100)).toEqual([]);
		expect(await as(staff.editor).samples.summary(survey.surveyId)).toMatchObject({
			codes: 43,
			letters: 0,
			nextLetter: 1
		});
		expect(await as(null).samples.codeStatus(survey.surveyId, codeOf(9))).toBe('ok');
		const { rows } = await db.owner.query<{ action: string; entity: string }>(
			`select action, entity, after from public.audit_log where entity in ('sample', 'sample_letters') order by id`
		);
		expect(rows.map((r) => [r.action, r.entity])).toEqual([
			['insert', 'sample'],
			['insert', 'sample'],
			['delete', 'sample_letters']
		]);
	});
});

describe('anonymity', () => {
	it('no column, key or time links a response to a code or a person', async () => {
		const columns = await db.owner.query<{
			table_name: string;
			column_name: string;
			data_type: string;
		}>(
			`select table_name, column_name, data_type from information_schema.columns
			 where table_schema in ('public', 'koe_private')
			   and table_name in ('invitation_codes', 'responses', 'answers', 'submission_receipts', 'sample_letters')
			 order by table_name, ordinal_position`
		);
		const of = (table: string) =>
			columns.rows.filter((c) => c.table_name === table).map((c) => c.column_name);
		expect(of('invitation_codes')).toEqual([
			'code_hash',
			'survey_id',
			'district',
			'age_group',
			'used_via'
		]);
		expect(of('sample_letters')).not.toContain('code_hash');
		expect(of('responses')).toEqual([
			'id',
			'survey_id',
			'version_id',
			'district',
			'age_group',
			'source',
			'language',
			'submitted_on',
			'is_demo'
		]);
		// days at most, nowhere a moment in time
		const timed = columns.rows.filter((c) => /timestamp|time with/.test(c.data_type));
		expect(timed).toEqual([]);
		// no foreign key joins codes (or letters) with responses, answers or receipts
		const keys = await db.owner.query<{ from_table: string; to_table: string }>(
			`select conrelid::regclass::text as from_table, confrelid::regclass::text as to_table
			 from pg_constraint where contype = 'f'
			   and (conrelid::regclass::text ~ 'invitation_codes|sample_letters'
			        or confrelid::regclass::text ~ 'invitation_codes|sample_letters')`
		);
		expect(keys.rows.every((k) => k.to_table === 'surveys')).toBe(true);
		// no sequence (serial counter) on any of those tables
		const serials = columns.rows.filter(
			(c) => c.column_name === 'id' && c.table_name !== 'responses'
		);
		expect(serials).toEqual([]);
	});

	it('no stored value of a response equals a code or its hash, and codes are stored shuffled', async () => {
		const hashes = await db.owner.query<{ code_hash: Buffer }>(
			`select code_hash from public.invitation_codes where survey_id = $1 order by ctid`,
			[survey.surveyId]
		);
		const hex = new Set(hashes.rows.map((r) => r.code_hash.toString('hex')));
		const { rows } = await db.owner.query<{ row: string }>(
			`select row_to_json(r)::text as row from public.responses r where survey_id = $1
			 union all select row_to_json(a)::text from public.answers a where survey_id = $1
			 union all select row_to_json(s)::text from koe_private.submission_receipts s where survey_id = $1`,
			[survey.surveyId]
		);
		const codes = Array.from({ length: 43 }, (_, i) => codeOf(i + 1));
		for (const { row } of rows) {
			for (const code of codes) expect(row).not.toContain(code);
			for (const h of hex) expect(row).not.toContain(h);
		}
		// physical order ≠ letter order
		const { createHash } = await import('node:crypto');
		const byLetter = codes.map((c) =>
			createHash('sha256').update(`${survey.surveyId}:${c}`).digest('hex')
		);
		expect([...hex]).not.toEqual(byLetter);
		expect(new Set(byLetter)).toEqual(hex);
	});
});
