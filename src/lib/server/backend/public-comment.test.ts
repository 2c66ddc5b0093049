/**
 * Public comment in SQL (supabase/migrations/20261203000300_public_comment.sql):
 * drafts and their period, residents' comments with the consultation's required
 * fields, consent, a per-client limit that stores no address, staff-keyed
 * comments, review with groups, the audit log, the public table without personal
 * details, and the plan's timeline.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDefinition } from '$lib/domain/fixtures';
import type { Claims } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import type { ConsultationSettings } from './public-comment-types';
import { createSqlBackend } from './sql';

let db: TestDatabase;
let org: string;
let otherOrg: string;
const staff: Record<'admin' | 'editor' | 'analyst' | 'entry' | 'stranger', Claims> = {} as never;
const as = (claims: Claims | null) => createSqlBackend(db.app, claims);

/** A day in Japan, `offset` days from today. */
const day = (offset: number) =>
	new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

const settings = (
	slug: string,
	over: Partial<ConsultationSettings> = {}
): ConsultationSettings => ({
	slug,
	title: '後期基本計画（案）',
	summary: 'ご意見をお寄せください。',
	pdfUrl: null,
	opensOn: day(-1),
	closesOn: day(29),
	askName: 'optional',
	askAddress: 'optional',
	...over
});

const comment = (
	over: Partial<Parameters<ReturnType<typeof as>['consultations']['submit']>[1]> = {}
) => ({
	sectionId: null,
	body: '公園を増やしてください。',
	name: null,
	address: null,
	consent: true,
	...over
});

async function openConsultation(slug: string, over: Partial<ConsultationSettings> = {}) {
	const api = as(staff.editor).consultations;
	const id = await api.save(null, org, settings(slug, over));
	await api.saveSections(id, [
		{ heading: '第1章 総論', body: '# 目的\n\n本計画は…' },
		{ heading: '第2章 子育て', body: '- 保育所\n- 公園' }
	]);
	await api.publish(id, { published: true });
	return id;
}

beforeAll(async () => {
	db = await createTestDatabase();
	org = await createOrganization(db.owner, 'pubcom');
	otherOrg = await createOrganization(db.owner, 'pubcom-other');
	staff.admin = await createStaff(db.owner, org, 'admin@pubcom.example', 'admin');
	staff.editor = await createStaff(db.owner, org, 'editor@pubcom.example', 'editor');
	staff.analyst = await createStaff(db.owner, org, 'analyst@pubcom.example', 'analyst');
	staff.entry = await createStaff(db.owner, org, 'entry@pubcom.example', 'data_entry');
	staff.stranger = await createStaff(db.owner, otherOrg, 'editor@other.example', 'editor');
});
afterAll(() => db.drop());

describe('drafts', () => {
	it('lets editors create, section and publish a draft; others may not', async () => {
		await expect(
			as(staff.analyst).consultations.save(null, org, settings('pc-analyst'))
		).rejects.toMatchObject({ code: '42501' });
		await expect(
			as(staff.stranger).consultations.save(null, org, settings('pc-stranger'))
		).rejects.toMatchObject({ code: '42501' });
		const id = await as(staff.editor).consultations.save(null, org, settings('pc-draft'));
		expect(await as(null).consultations.readPublic('pc-draft')).toBeNull();
		await as(staff.editor).consultations.saveSections(id, [{ heading: '総論', body: '本文' }]);
		await as(staff.editor).consultations.publish(id, { published: true });
		const draft = await as(null).consultations.readPublic('pc-draft');
		expect(draft).toMatchObject({
			title: '後期基本計画（案）',
			phase: 'open',
			askName: 'optional'
		});
		expect(draft?.sections.map((s) => s.heading)).toEqual(['総論']);
		expect(await as(staff.stranger).consultations.read(id)).toBeNull();
		expect(await as(staff.analyst).consultations.read(id)).toBeNull();
	});

	it('refuses comments before and after the period', async () => {
		await openConsultation('pc-later', { opensOn: day(2), closesOn: day(40) });
		await openConsultation('pc-over', { opensOn: day(-40), closesOn: day(-1) });
		expect((await as(null).consultations.readPublic('pc-later'))?.phase).toBe('before');
		for (const slug of ['pc-later', 'pc-over']) {
			expect(
				await as(null).consultations.submit(slug, comment(), '192.0.2.1', randomUUID())
			).toEqual({ ok: false, reason: 'closed' });
		}
		expect(
			await as(null).consultations.submit('pc-none', comment(), '192.0.2.1', randomUUID())
		).toEqual({ ok: false, reason: 'not_found' });
	});

	it('keeps the sections once comments point at them', async () => {
		const id = await openConsultation('pc-fixed');
		await as(null).consultations.submit('pc-fixed', comment(), '192.0.2.2', randomUUID());
		expect(
			await as(staff.editor).consultations.saveSections(id, [{ heading: 'x', body: '' }])
		).toEqual({ ok: false, reason: 'has_comments' });
	});
});

describe('comments', () => {
	it('asks for what the consultation requires, and for consent', async () => {
		await openConsultation('pc-rules', { askName: 'required', askAddress: 'required' });
		const submit = (over: Parameters<typeof comment>[0]) =>
			as(null).consultations.submit('pc-rules', comment(over), '192.0.2.3', randomUUID());
		expect(await submit({ name: '' })).toEqual({ ok: false, reason: 'name_required' });
		expect(await submit({ name: '美祢 花子' })).toEqual({ ok: false, reason: 'address_required' });
		expect(await submit({ name: '美祢 花子', address: '大嶺町1', consent: false })).toEqual({
			ok: false,
			reason: 'consent_required'
		});
		expect(await submit({ name: '美祢 花子', address: '大嶺町1', body: '  ' })).toEqual({
			ok: false,
			reason: 'body_required'
		});
		expect(await submit({ name: '美祢 花子', address: '大嶺町1' })).toEqual({ ok: true, no: 1 });
	});

	it('drops the fields a consultation does not ask for', async () => {
		const id = await openConsultation('pc-anonymous', { askName: 'none', askAddress: 'none' });
		await as(null).consultations.submit(
			'pc-anonymous',
			comment({ name: '名前', address: '住所' }),
			'192.0.2.4',
			randomUUID()
		);
		const read = await as(staff.editor).consultations.read(id);
		expect(read?.comments[0]).toMatchObject({ name: null, address: null, channel: 'web' });
	});

	it('returns the first result for a resubmitted form', async () => {
		await openConsultation('pc-twice');
		const key = randomUUID();
		const first = await as(null).consultations.submit('pc-twice', comment(), '192.0.2.5', key);
		const again = await as(null).consultations.submit('pc-twice', comment(), '192.0.2.5', key);
		expect(again).toEqual(first);
	});

	it('limits one client to 10 comments an hour, storing no address', async () => {
		await openConsultation('pc-limit');
		const send = (client: string) =>
			as(null).consultations.submit('pc-limit', comment(), client, randomUUID());
		for (let i = 0; i < 10; i++) expect((await send('198.51.100.7')).ok).toBe(true);
		expect(await send('198.51.100.7')).toEqual({ ok: false, reason: 'rate_limited' });
		expect((await send('198.51.100.8')).ok).toBe(true);
		const { rows } = await db.owner.query(
			`select 1 from koe_private.comment_clients where position('198.51.100'::bytea in client_hash) > 0`
		);
		expect(rows).toEqual([]);
		const dump = await db.owner.query<{ t: string }>(
			`select string_agg(t::text, ' ') as t from public.consultation_comments t`
		);
		expect(dump.rows[0].t).not.toContain('198.51.100');
	});

	it('lets staff key in paper, fax and email comments with their channel', async () => {
		const id = await openConsultation('pc-paper', { opensOn: day(-40), closesOn: day(-1) });
		const input = {
			...comment({ name: '秋芳 太郎' }),
			channel: 'fax' as const,
			receivedOn: day(-2)
		};
		expect(await as(staff.entry).consultations.enter(id, input)).toEqual({ ok: true, no: 1 });
		await expect(as(staff.analyst).consultations.enter(id, input)).rejects.toMatchObject({
			code: '42501'
		});
		await expect(as(null).consultations.enter(id, input)).rejects.toBeDefined();
		const read = await as(staff.editor).consultations.read(id);
		expect(read?.comments[0]).toMatchObject({ channel: 'fax', receivedOn: day(-2), no: 1 });
		// data entry sees the consultation, not the comments
		expect((await as(staff.entry).consultations.read(id))?.comments).toEqual([]);
	});
});

describe('review and the public table', () => {
	it('groups, answers, logs and publishes without personal details', async () => {
		const id = await openConsultation('pc-table');
		const api = as(staff.editor).consultations;
		const sections = (await api.read(id))!.sections;
		await as(null).consultations.submit(
			'pc-table',
			comment({
				sectionId: sections[1].id,
				name: '大嶺 一郎',
				address: '大嶺町2-3',
				body: '公園を増やして。大嶺 一郎'
			}),
			'203.0.113.1',
			randomUUID()
		);
		await as(null).consultations.submit(
			'pc-table',
			comment({ sectionId: sections[1].id, body: '遊具の多い公園を' }),
			'203.0.113.2',
			randomUUID()
		);
		await api.enter(id, {
			...comment({ name: '伊佐 次郎', address: '伊佐町5', body: 'バスの本数を' }),
			channel: 'paper',
			receivedOn: null
		});
		await api.enter(id, {
			...comment({ name: '非公表 希望', body: '公表しないでください', consent: false }),
			channel: 'email',
			receivedOn: null
		});
		// consented, never summarised: counted, not listed, its text never published
		await as(null).consultations.submit(
			'pc-table',
			comment({ body: '未整理の意見' }),
			'203.0.113.3',
			randomUUID()
		);
		const [parks1, parks2, bus] = (await api.read(id))!.comments;
		const group = await api.saveGroup(id, null, {
			sectionId: sections[1].id,
			summary: '公園の充実を求める意見',
			response: '公園の整備を計画に位置付けます。',
			revised: true,
			revisionNote: '第2章に「公園の充実」を追記しました。'
		});
		for (const c of [parks1, parks2]) {
			await api.review(c.id, {
				sectionId: sections[1].id,
				kind: 'revision',
				groupId: group,
				summary: c.body,
				response: '',
				revised: null,
				revisionNote: ''
			});
		}
		await api.review(bus.id, {
			sectionId: null,
			kind: 'addition',
			groupId: null,
			summary: 'バスの増便を求める意見',
			response: '今後の参考とします。',
			revised: false,
			revisionNote: ''
		});
		await expect(
			as(staff.analyst).consultations.review(bus.id, {
				sectionId: null,
				kind: null,
				groupId: null,
				summary: '',
				response: '',
				revised: null,
				revisionNote: ''
			})
		).rejects.toMatchObject({ code: '42501' });

		expect(await as(null).consultations.results('pc-table')).toBeNull();
		await api.publish(id, { results: true });
		const results = await as(null).consultations.results('pc-table');
		expect(results).toMatchObject({ comments: 5, channels: { web: 3, paper: 1, email: 1 } });
		expect(results?.rows).toEqual([
			{
				nos: [1, 2],
				section: '第2章 子育て',
				summary: '公園の充実を求める意見',
				response: '公園の整備を計画に位置付けます。',
				revised: true,
				revisionNote: '第2章に「公園の充実」を追記しました。'
			},
			{
				nos: [3],
				section: null,
				summary: 'バスの増便を求める意見',
				response: '今後の参考とします。',
				revised: false,
				revisionNote: ''
			}
		]);
		const text = JSON.stringify(results);
		for (const secret of [
			'大嶺 一郎',
			'大嶺町2-3',
			'伊佐 次郎',
			'伊佐町5',
			'非公表',
			'203.0.113'
		]) {
			expect(text).not.toContain(secret);
		}

		const audit = await db.owner.query<{ entity: string; actor_email: string; after: unknown }>(
			`select entity, actor_email, after from public.audit_log where org_id = $1 and entity like 'consultation%'`,
			[org]
		);
		expect(audit.rows.some((r) => r.entity === 'consultation_groups')).toBe(true);
		expect(
			audit.rows.filter((r) => r.entity === 'consultation_comments').map((r) => r.actor_email)
		).toContain('editor@pubcom.example');
		// senders never reach the log
		expect(JSON.stringify(audit.rows)).not.toContain('伊佐 次郎');
	});
});

describe('plan timeline', () => {
	it('shows milestones with public links only to what is public', async () => {
		const { surveyId } = await createSurvey(db.owner, org, 'pc-survey', sampleDefinition);
		const consultation = await openConsultation('pc-timeline');
		const api = as(staff.editor).plans;
		const plan = await api.save(null, org, { slug: 'pc-plan', title: '後期基本計画', summary: '' });
		await api.saveMilestones(plan, [
			{
				kind: 'survey',
				title: '市民意識調査',
				startsOn: day(-90),
				endsOn: day(-60),
				status: 'done',
				surveyId,
				consultationId: null
			},
			{
				kind: 'public_comment',
				title: 'パブリックコメント',
				startsOn: day(-1),
				endsOn: day(29),
				status: 'ongoing',
				surveyId: null,
				consultationId: consultation
			},
			{
				kind: 'adoption',
				title: '策定',
				startsOn: null,
				endsOn: null,
				status: 'planned',
				surveyId: null,
				consultationId: null
			}
		]);
		let timeline = await as(null).plans.readPublic('pc-plan');
		expect(timeline?.milestones.map((m) => [m.kind, m.status])).toEqual([
			['survey', 'done'],
			['public_comment', 'ongoing'],
			['adoption', 'planned']
		]);
		expect(timeline?.milestones[0].surveySlug).toBeNull();
		expect(timeline?.milestones[1].consultationSlug).toBe('pc-timeline');
		expect(timeline?.id).toBeNull();
		await db.owner.query('update public.surveys set results_published = true where id = $1', [
			surveyId
		]);
		timeline = await as(null).plans.readPublic('pc-plan');
		expect(timeline?.milestones[0].surveySlug).toBe('pc-survey');

		await expect(as(staff.stranger).plans.saveMilestones(plan, [])).rejects.toMatchObject({
			code: '42501'
		});
		const strangerPlan = await as(staff.stranger).plans.save(null, otherOrg, {
			slug: 'pc-other-plan',
			title: 'x',
			summary: ''
		});
		await expect(
			as(staff.stranger).plans.saveMilestones(strangerPlan, [
				{ ...timeline!.milestones[0], surveyId }
			])
		).rejects.toMatchObject({ hint: 'link_unknown' });
	});
});
