import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDefinition } from '$lib/domain/fixtures';
import type { Claims } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff } from '../testing/fixtures';
import { createSqlBackend } from './sql';

let db: TestDatabase;
let org: string;
let editor: Claims;
let analyst: Claims;
const as = (claims: Claims | null) => createSqlBackend(db.app, claims);
const title = { ja: '市民意識調査', en: 'Resident survey' };

beforeAll(async () => {
	db = await createTestDatabase();
	org = await createOrganization(db.owner, 'builder-city');
	editor = await createStaff(db.owner, org, 'editor@builder.example', 'editor');
	analyst = await createStaff(db.owner, org, 'analyst@builder.example', 'analyst');
});
afterAll(() => db.drop());

const answers = {
	district: 'north',
	age: 'old',
	stay: 'yes',
	grid: {
		care: { satisfaction: '1', importance: '2' },
		roads: { satisfaction: '3', importance: '3' }
	}
};

describe('building a survey', () => {
	it('creates a draft that residents cannot see, then publishes it', async () => {
		const created = await as(editor).builder.create(org, 'survey-2027', title, sampleDefinition);
		if (!created.ok) throw new Error(created.reason);
		expect(await as(null).surveys.published('survey-2027')).toBeNull();

		const published = await as(editor).builder.publish(created.value);
		expect(published.ok).toBe(true);
		const live = await as(null).surveys.published('survey-2027');
		expect(live?.status).toBe('open');
		expect(live?.accepting).toBe(true);
	});

	it('refuses a taken slug with a reason, and non-editors entirely', async () => {
		expect(await as(editor).builder.create(org, 'survey-2027', title, sampleDefinition)).toEqual({
			ok: false,
			reason: 'slug_taken'
		});
		expect(
			await as(analyst).builder.create(org, 'analyst-survey', title, sampleDefinition)
		).toEqual({ ok: false, reason: 'forbidden' });
		const survey = await as(editor).surveys.published('survey-2027');
		expect(await as(analyst).builder.get(survey!.id)).toBeNull();
		expect(await as(analyst).builder.publish(survey!.id)).toEqual({
			ok: false,
			reason: 'no_draft'
		});
	});

	it('edits a published survey on a new draft version; old responses keep theirs', async () => {
		const v1 = (await as(null).surveys.published('survey-2027'))!;
		const first = await as(null).responses.submit({
			surveyId: v1.id,
			versionId: v1.versionId,
			idempotencyKey: randomUUID(),
			answers,
			language: 'ja'
		});
		expect(first.ok).toBe(true);

		const changed = structuredClone(sampleDefinition);
		changed.sections[0].title.ja = '回答者について';
		const draft = await as(editor).builder.saveDraft(v1.id, changed);
		expect(draft.ok && draft.value).not.toBe(v1.versionId);
		// Saving again updates the same draft rather than piling up versions.
		expect(await as(editor).builder.saveDraft(v1.id, changed)).toEqual(draft);
		// Residents still get version 1 until the draft is published.
		expect((await as(null).surveys.published('survey-2027'))!.versionId).toBe(v1.versionId);

		await as(editor).builder.publish(v1.id);
		const v2 = (await as(null).surveys.published('survey-2027'))!;
		expect(v2.versionId).not.toBe(v1.versionId);
		expect(v2.definition.sections[0].title.ja).toBe('回答者について');
		const { rows } = await db.owner.query<{ version_id: string }>(
			'select version_id from public.responses where id = $1',
			[first.ok ? first.responseId : '']
		);
		expect(rows[0].version_id).toBe(v1.versionId);
		const editable = await as(editor).builder.get(v1.id);
		expect(editable?.versions.map((v) => v.version)).toEqual([2, 1]);
		expect(await as(editor).builder.publish(v1.id)).toEqual({ ok: false, reason: 'no_draft' });
	});

	it('answers with a closed page outside the open dates', async () => {
		const survey = (await as(null).surveys.published('survey-2027'))!;
		const tomorrow = new Date(Date.now() + 86_400_000);
		await as(editor).builder.setSchedule(survey.id, 'open', tomorrow, null);
		expect((await as(null).surveys.published('survey-2027'))?.accepting).toBe(false);
		const refused = await as(null).responses.submit({
			surveyId: survey.id,
			versionId: survey.versionId,
			idempotencyKey: randomUUID(),
			answers,
			language: 'ja'
		});
		expect(refused).toEqual({ ok: false, reason: 'closed' });
		await as(editor).builder.setSchedule(survey.id, 'open', null, null);
	});

	it('hides an archived survey from residents and refuses its answers', async () => {
		const survey = (await as(null).surveys.published('survey-2027'))!;
		await as(editor).builder.setSchedule(survey.id, 'archived', null, null);
		expect(await as(null).surveys.published('survey-2027')).toBeNull();
		expect((await as(null).surveys.listOpen()).map((s) => s.slug)).not.toContain('survey-2027');
		await as(editor).builder.setSchedule(survey.id, 'open', null, null);
	});

	it("duplicates last year's survey as a new draft", async () => {
		const source = (await as(null).surveys.published('survey-2027'))!;
		const copy = await as(editor).builder.duplicate(source.id, 'survey-2028', {
			ja: '令和10年度 市民意識調査'
		});
		if (!copy.ok) throw new Error(copy.reason);
		const editable = await as(editor).builder.get(copy.value);
		expect(editable?.status).toBe('draft');
		expect(editable?.definition).toEqual(source.definition);
	});

	it('records builder changes in the audit log with the editor as actor', async () => {
		const { rows } = await db.owner.query<{ actor_email: string; entity: string }>(
			`select distinct actor_email, entity from public.audit_log where org_id = $1 and actor_email is not null`,
			[org]
		);
		expect(rows).toEqual(
			expect.arrayContaining([
				{ actor_email: 'editor@builder.example', entity: 'surveys' },
				{ actor_email: 'editor@builder.example', entity: 'survey_versions' }
			])
		);
	});
});
