import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDefinition } from '$lib/domain/fixtures';
import type { Claims } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

let db: TestDatabase;
let surveyId: string;
let admin: Claims;
let analyst: Claims;
const as = (claims: Claims | null) => createSqlBackend(db.app, claims);

beforeAll(async () => {
	db = await createTestDatabase();
	const org = await createOrganization(db.owner, 'texts-city');
	admin = await createStaff(db.owner, org, 'admin@texts.example', 'admin');
	analyst = await createStaff(db.owner, org, 'analyst@texts.example', 'analyst');
	const survey = await createSurvey(db.owner, org, 'texts-survey', sampleDefinition);
	surveyId = survey.surveyId;
	for (const comment of ['バスを増やして', '<img src=x>', '100%満足_です']) {
		await as(null).responses.submit({
			surveyId,
			versionId: survey.versionId,
			idempotencyKey: randomUUID(),
			language: 'ja',
			answers: {
				district: 'north',
				age: 'old',
				stay: 'yes',
				grid: {
					care: { satisfaction: '1', importance: '2' },
					roads: { satisfaction: '3', importance: '3' }
				},
				comment
			}
		});
	}
});
afterAll(() => db.drop());

describe('free-text answers', () => {
	it('are listed for admins, searched literally, and hidden from other roles', async () => {
		expect((await as(admin).results.texts(surveyId, 'comment', null)).length).toBe(3);
		const percent = await as(admin).results.texts(surveyId, 'comment', '%');
		expect(percent.map((t) => t.text_value)).toEqual(['100%満足_です']);
		expect(await as(admin).results.mayReadRaw(surveyId)).toBe(true);
		expect(await as(analyst).results.texts(surveyId, 'comment', null)).toEqual([]);
		expect(await as(analyst).results.mayReadRaw(surveyId)).toBe(false);
	});
});
