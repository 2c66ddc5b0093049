/**
 * Weighting and number answers in SQL (supabase/migrations/20261202000500_weighting.sql):
 * saving the population all or nothing, by role; the number rollup equal to a
 * recount after concurrent submissions; and the distribution read from it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definition } from '$lib/domain/questionnaire';
import type { Claims } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

const t = (ja: string) => ({ ja, en: ja });
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
				{ key: 'years', type: 'number', text: t('年数'), min: 0, max: 100, integer: true },
				{ key: 'km', type: 'number', text: t('距離'), min: 0, max: 50 }
			]
		}
	]
});

let db: TestDatabase;
let survey: { surveyId: string; versionId: string };
const staff: Record<'admin' | 'editor' | 'analyst' | 'entry', Claims> = {} as never;
const as = (claims: Claims) => createSqlBackend(db.app, claims);

beforeAll(async () => {
	db = await createTestDatabase();
	const org = await createOrganization(db.owner, 'weighting');
	await db.owner.query(
		`insert into public.districts (org_id, code, name, sort)
		 values ($1, 'north', '{"ja":"北地区","en":"North"}', 1), ($1, 'south', '{"ja":"南地区"}', 2)`,
		[org]
	);
	await db.owner.query(
		`insert into public.age_groups (org_id, code, name, min_age, sort)
		 values ($1, 'young', '{"ja":"18〜39歳"}', 18, 1), ($1, 'old', '{"ja":"40歳以上"}', 40, 2)`,
		[org]
	);
	staff.admin = await createStaff(db.owner, org, 'admin@weighting.example', 'admin');
	staff.editor = await createStaff(db.owner, org, 'editor@weighting.example', 'editor');
	staff.analyst = await createStaff(db.owner, org, 'analyst@weighting.example', 'analyst');
	staff.entry = await createStaff(db.owner, org, 'entry@weighting.example', 'data_entry');
	survey = await createSurvey(db.owner, org, 'weighting', def);
});
afterAll(() => db.drop());

const row = (line: number, district: string, age_group: string, population: string) => ({
	line: String(line),
	district,
	age_group,
	population
});

describe('the population by district × age group', () => {
	it('is saved by an editor, by code or by name, and read by officials', async () => {
		const saved = await as(staff.editor).population.save(survey.surveyId, [
			row(1, 'north', 'young', '1200'),
			row(2, '北地区', '40歳以上', '2,400'),
			row(3, 'South', 'young', '0'),
			row(4, '南地区', 'old', '800')
		]);
		// 'South' is no name of south (English names are names too, but it has none).
		expect(saved).toEqual({ ok: false, problems: [{ line: '3', problem: 'unknown_district' }] });
		expect(
			await as(staff.admin).population.save(survey.surveyId, [
				row(1, 'north', 'young', '1200'),
				row(2, '北地区', '40歳以上', '2,400'),
				row(3, 'North', 'old', '5')
			])
		).toMatchObject({ ok: false, problems: [{ line: '3', problem: 'duplicate' }] });
		expect(
			await as(staff.editor).population.save(survey.surveyId, [
				row(1, 'north', 'young', '1200'),
				row(2, '北地区', '40歳以上', '2,400'),
				row(4, '南地区', 'old', '800')
			])
		).toEqual({ ok: true, saved: 3 });
		const read = await as(staff.analyst).population.get(survey.surveyId);
		expect(read.editable).toBe(false);
		expect(read.rows).toEqual([
			{ district: 'north', age_group: 'old', population: 2400 },
			{ district: 'north', age_group: 'young', population: 1200 },
			{ district: 'south', age_group: 'old', population: 800 }
		]);
		expect((await as(staff.editor).population.get(survey.surveyId)).editable).toBe(true);
		expect(await as(staff.entry).population.get(survey.surveyId)).toEqual({
			editable: false,
			rows: []
		});
	});

	it('refuses bad rows with a problem each, and stores nothing of them', async () => {
		const before = await as(staff.admin).population.get(survey.surveyId);
		const result = await as(staff.admin).population.save(survey.surveyId, [
			row(1, 'north', 'young', '999'),
			row(2, 'east', 'young', '10'),
			row(3, 'south', 'middle', '10'),
			row(4, 'south', 'young', '-5'),
			row(5, 'south', 'old', 'many'),
			row(6, 'nowhere', 'never', '')
		]);
		expect(result).toEqual({
			ok: false,
			problems: [
				{ line: '2', problem: 'unknown_district' },
				{ line: '3', problem: 'unknown_age_group' },
				{ line: '4', problem: 'negative' },
				{ line: '5', problem: 'not_a_number' },
				{ line: '6', problem: 'unknown_district' },
				{ line: '6', problem: 'unknown_age_group' },
				{ line: '6', problem: 'not_a_number' }
			]
		});
		expect(await as(staff.admin).population.get(survey.surveyId)).toEqual(before);
	});

	it('is changed only by admins and editors, and every change is in the audit log', async () => {
		for (const who of [staff.analyst, staff.entry]) {
			await expect(
				as(who).population.save(survey.surveyId, [row(1, 'north', 'young', '1')])
			).rejects.toMatchObject({ code: '42501' });
		}
		expect(
			await as(staff.admin).population.save(survey.surveyId, [
				row(1, 'north', 'young', '1300'),
				row(2, 'north', 'old', '2400')
			])
		).toEqual({ ok: true, saved: 2 });
		const { rows } = await db.owner.query<{ action: string; before: unknown; after: unknown }>(
			`select action, before, after from public.audit_log
			 where entity = 'population' and actor = $1 order by id`,
			[staff.admin.sub]
		);
		// north/young changed, south/old removed; north/old unchanged is not logged.
		expect(rows.map((r) => r.action).sort()).toEqual(['delete', 'update']);
	});
});

describe('number answers', () => {
	const submit = (answers: Record<string, unknown>) =>
		createSqlBackend(db.app, null).responses.submit({
			surveyId: survey.surveyId,
			versionId: survey.versionId,
			idempotencyKey: randomUUID(),
			answers: answers as never,
			language: 'ja'
		});

	it('are rolled up per value, equal to a recount after concurrent submissions', async () => {
		const results = await Promise.all(
			Array.from({ length: 60 }, (_, i) =>
				submit({
					district: i % 2 ? 'north' : 'south',
					age: i % 3 ? 'young' : 'old',
					years: i % 7,
					...(i % 4 ? { km: (i % 5) / 2 } : {})
				})
			)
		);
		expect(results.every((r) => r.ok)).toBe(true);
		const recount = await db.owner.query(
			`select a.question_key, a.number::float8 as value, r.district, r.age_group, count(*)::int as n
			 from public.answers a join public.responses r on r.id = a.response_id
			 where a.survey_id = $1 and a.number is not null
			 group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
			[survey.surveyId]
		);
		const rollup = await db.owner.query(
			`select question_key, value::float8 as value, district, age_group, sum(n)::int as n
			 from public.rollup_numbers where survey_id = $1
			 group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
			[survey.surveyId]
		);
		expect(rollup.rows).toEqual(recount.rows);
		expect(rollup.rows.length).toBeGreaterThan(10);
	});

	it('come back as a distribution: exact with raw-data rights, rare values pooled without', async () => {
		const exact = await as(staff.admin).results.numberDistribution(survey.surveyId, 'years');
		expect(exact.map((d) => d.value)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(exact.reduce((a, d) => a + d.n, 0)).toBe(60);
		expect(exact.find((d) => d.value === 0)?.n).toBe(9);

		await submit({ district: 'north', age: 'old', years: 99 });
		const pooled = await as(staff.editor).results.numberDistribution(survey.surveyId, 'years');
		expect(pooled.at(-1)).toEqual({ value: null, n: 1 });
		expect(pooled.slice(0, -1)).toEqual(exact);
		expect(await as(staff.entry).results.numberDistribution(survey.surveyId, 'years')).toEqual([]);
	});

	it('sit beside the cross-tabs of every closed question, read in one call', async () => {
		const cells = await as(staff.admin).results.crosstabAll(survey.surveyId);
		expect(new Set(cells.map((c) => c.question_key))).toEqual(new Set(['district', 'age']));
		const north = cells.filter((c) => c.question_key === 'district' && c.choice === 'north');
		expect(north.reduce((a, c) => a + (c.n ?? 0), 0)).toBe(31);
	});
});
