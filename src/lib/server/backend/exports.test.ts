/**
 * Exports in SQL: the raw response file is refused to an analyst without
 * raw_data (whatever the app asks) and complete for an admin and for an analyst
 * granted raw data; the overview gives the period and k to staff only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '$lib/domain/branching';
import { sampleDefinition } from '$lib/domain/fixtures';
import { codebookColumns, rawRows } from '$lib/domain/exports/raw';
import { createTranslator } from '$lib/i18n';
import type { Claims } from '../db/context';
import { RpcError } from '../rpc/types';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

let db: TestDatabase;
let surveyId: string;
let admin: Claims;
let analyst: Claims;
let rawAnalyst: Claims;
let outsider: Claims;
const as = (claims: Claims | null) => createSqlBackend(db.app, claims);

const people: Answers[] = [
	{ district: 'north', age: 'old', stay: 'yes', comment: '=1+1' },
	{ district: 'south', age: 'young', stay: 'no', why_leave: ['jobs', 'shops'] },
	{ district: 'north', age: 'young', stay: 'yes' }
];

beforeAll(async () => {
	db = await createTestDatabase();
	const org = await createOrganization(db.owner, 'exports-city');
	admin = await createStaff(db.owner, org, 'admin@exports.example', 'admin');
	analyst = await createStaff(db.owner, org, 'analyst@exports.example', 'analyst');
	rawAnalyst = await createStaff(db.owner, org, 'raw@exports.example', 'analyst');
	await db.owner.query('update public.memberships set raw_data = true where user_id = $1', [
		rawAnalyst.sub
	]);
	const other = await createOrganization(db.owner, 'other-city');
	outsider = await createStaff(db.owner, other, 'admin@other.example', 'admin');
	const survey = await createSurvey(db.owner, org, 'exports-survey', sampleDefinition);
	surveyId = survey.surveyId;
	for (const person of people) {
		const result = await as(null).responses.submit({
			surveyId,
			versionId: survey.versionId,
			idempotencyKey: randomUUID(),
			language: 'ja',
			answers: {
				...person,
				grid: {
					care: { satisfaction: '1', importance: '2' },
					roads: { satisfaction: '3', importance: '3' }
				}
			}
		});
		expect(result).toMatchObject({ ok: true });
	}
});
afterAll(() => db.drop());

describe('the raw response file', () => {
	it('is refused in SQL to an analyst without raw-data rights, and to other organisations', async () => {
		for (const who of [analyst, outsider]) {
			const refused = await as(who)
				.results.rawResponses(surveyId)
				.catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(RpcError);
			expect((refused as RpcError).code).toBe('42501');
		}
		const anonymous = await as(null)
			.results.rawResponses(surveyId)
			.catch((e: unknown) => e);
		expect(anonymous).toBeInstanceOf(RpcError);
	});

	it('is complete for an admin and for an analyst granted raw data', async () => {
		for (const who of [admin, rawAnalyst]) {
			const rows = await as(who).results.rawResponses(surveyId);
			expect(rows.map((r) => r.response_no)).toEqual([1, 2, 3]);
			expect(rows.map((r) => r.district).sort()).toEqual(['north', 'north', 'south']);
			for (const row of rows) {
				expect(row).toMatchObject({ source: 'web', language: 'ja' });
				expect(row.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			}
			// Every answer row is there: pivoted, each response gives back what was sent.
			const columns = codebookColumns(sampleDefinition, 'ja', createTranslator('ja'));
			const [header, ...body] = rawRows(columns, rows);
			const get = (row: (typeof body)[number], column: string) => row[header.indexOf(column)];
			const leaver = body.find((r) => get(r, 'stay') === 'no')!;
			expect(get(leaver, 'why_leave.jobs')).toBe(1);
			expect(get(leaver, 'why_leave.transport')).toBe(0);
			expect(body.map((r) => get(r, 'comment'))).toContain('=1+1');
			expect(body.map((r) => get(r, 'grid.care/importance'))).toEqual(['2', '2', '2']);
		}
	});
});

describe('the export overview', () => {
	it('gives staff the survey period and k, and nobody else anything', async () => {
		await db.owner.query('update public.organizations set min_cell_size = 7 where slug = $1', [
			'exports-city'
		]);
		expect(await as(analyst).results.overview(surveyId)).toEqual({
			opens_at: null,
			closes_at: null,
			min_cell_size: 7
		});
		expect(await as(outsider).results.overview(surveyId)).toBeNull();
		const anonymous = await as(null)
			.results.overview(surveyId)
			.catch((e: unknown) => e);
		expect((anonymous as RpcError).code).toBe('42501');
	});
});
