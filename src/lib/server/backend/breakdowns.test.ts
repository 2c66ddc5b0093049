/**
 * Cross-tabs by breakdown in SQL (supabase/migrations/20261202000600_breakdowns.sql):
 * the rollup equals a recount after concurrent web and paper submissions, filtered
 * cross-tabs equal a recount with the same filter, and callers without raw-data
 * rights read them suppressed exactly as src/lib/domain/suppression.ts says.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownCell, BreakdownFilter } from '$lib/domain/breakdown';
import { definition } from '$lib/domain/questionnaire';
import { suppress } from '$lib/domain/suppression';
import type { Claims } from '../db/context';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createOrganization, createStaff, createSurvey } from '../testing/fixtures';
import { createSqlBackend } from './sql';

const t = (ja: string) => ({ ja, en: ja });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: t(key) }));
const BREAKDOWNS = ['gender', 'household'];
const def = definition.parse({
	languages: ['ja'],
	strata: { district: 'district', ageGroup: 'age' },
	breakdowns: BREAKDOWNS,
	sections: [
		{
			key: 's',
			title: t('s'),
			questions: [
				{ key: 'district', type: 'single', text: t('地区'), options: options('north', 'south') },
				{ key: 'age', type: 'single', text: t('年代'), options: options('young', 'old') },
				{ key: 'gender', type: 'single', text: t('性別'), options: options('f', 'm', 'x') },
				{ key: 'household', type: 'multi', text: t('世帯'), options: options('kids', 'elder') },
				{ key: 'stay', type: 'single', text: t('定住'), options: options('yes', 'no', 'unsure') },
				{ key: 'likes', type: 'multi', text: t('魅力'), options: options('nature', 'food', 'calm') }
			]
		}
	]
});

let db: TestDatabase;
let survey: { surveyId: string; versionId: string };
let org: string;
const staff: Record<'admin' | 'analyst', Claims> = {} as never;
const as = (claims: Claims) => createSqlBackend(db.app, claims);
const ALL: BreakdownFilter = { district: null, ageGroup: null, source: null, from: null, to: null };

const answersOf = (i: number) => ({
	district: i % 2 ? 'north' : 'south',
	age: i % 3 ? 'young' : 'old',
	...(i % 5 ? { gender: ['f', 'm', 'x'][i % 3 === 0 ? 2 : i % 2] } : {}),
	...(i % 4 ? { household: i % 8 === 1 ? ['kids', 'elder'] : [i % 3 ? 'kids' : 'elder'] } : {}),
	...(i % 6 ? { stay: ['yes', 'no', 'unsure'][i % 3] } : {}),
	likes: i % 7 ? ['nature', 'food'] : ['calm']
});

beforeAll(async () => {
	db = await createTestDatabase();
	org = await createOrganization(db.owner, 'breakdowns');
	staff.admin = await createStaff(db.owner, org, 'admin@breakdowns.example', 'admin');
	staff.analyst = await createStaff(db.owner, org, 'analyst@breakdowns.example', 'analyst');
	survey = await createSurvey(db.owner, org, 'breakdowns', def);
	const submit = (i: number) =>
		createSqlBackend(db.app, null).responses.submit({
			surveyId: survey.surveyId,
			versionId: survey.versionId,
			idempotencyKey: randomUUID(),
			answers: answersOf(i),
			language: 'ja'
		});
	// One first on its own: the SQL transport looks up function signatures once
	// per pool, on a second connection that a full pool of open transactions lacks.
	await submit(0);
	const web = Array.from({ length: 59 }, (_, i) => submit(i + 1));
	// Paper questionnaires are recorded by the same SQL with source 'paper'.
	const paper = Array.from({ length: 24 }, (_, i) =>
		db.owner.query(
			`select koe_private.record_response(gen_random_uuid(), $1, $2, v.definition, $3, 'ja', 'paper', false)
			 from public.survey_versions v where v.id = $2`,
			[survey.surveyId, survey.versionId, answersOf(i * 7 + 3)]
		)
	);
	const results = await Promise.all([...web, ...paper]);
	expect(results.slice(0, 59).every((r) => 'ok' in r && r.ok)).toBe(true);
}, 180_000);
afterAll(() => db.drop());

/** The cross-tab recounted from the answers, in results_breakdown's encoding, before suppression. */
async function recount(question: string, by: string, f: BreakdownFilter) {
	const stratum = by === '#district' ? 'district' : by === '#age_group' ? 'age_group' : null;
	const { rows } = await db.owner.query<{ grp: string | null; choice: string | null; n: number }>(
		`with r as (
		   select * from public.responses
		   where survey_id = $1 and ($4::text is null or district = $4) and ($5::text is null or age_group = $5)
		     and ($6::text is null or source = $6) and ($7::date is null or submitted_on >= $7)
		     and ($8::date is null or submitted_on <= $8)
		 ), g as (
		   select r.id, case $3 when 'district' then r.district when 'age_group' then r.age_group
		     else coalesce(a.choice, '') end as grp
		   from r left join public.answers a
		     on $3::text is null and a.response_id = r.id and a.question_key = $9 and a.choice is not null
		   union all
		   select r.id, null from r
		 ), t as (
		   select a.response_id, a.choice from public.answers a
		   where a.survey_id = $1 and a.question_key = $2 and a.item = '' and a.choice is not null
		 )
		 select g.grp, null as choice, count(*)::int as n from g group by g.grp
		 union all
		 select g.grp, t.choice, count(*)::int from g join t on t.response_id = g.id group by g.grp, t.choice
		 union all
		 select g.grp, '', count(*)::int from g
		 where not exists (select 1 from t where t.response_id = g.id) group by g.grp`,
		[survey.surveyId, question, stratum, f.district, f.ageGroup, f.source, f.from, f.to, by]
	);
	return rows;
}

const key = (c: BreakdownCell) => `${c.grp ?? '*'}|${c.choice ?? '#'}`;
const sorted = (cells: BreakdownCell[]) =>
	cells
		.filter((c) => c.n !== 0)
		.map((c) => ({ grp: c.grp, choice: c.choice, n: c.n }))
		.sort((a, b) => key(a).localeCompare(key(b)));

describe('the breakdown rollup', () => {
	it('equals a recount after concurrent web and paper submissions', async () => {
		const recounted = await db.owner.query(
			`with resp as (select * from public.responses where survey_id = $1),
			 groups as (
			   select id, '' as bk, '' as bc from resp
			   union all
			   select resp.id, b.key, coalesce(a.choice, '') from resp
			   cross join unnest($2::text[]) b(key)
			   left join public.answers a
			     on a.response_id = resp.id and a.question_key = b.key and a.choice is not null
			 ), targets as (
			   select id as response_id, '' as question_key, '' as item, '' as choice from resp
			   union all
			   select a.response_id, a.question_key, a.item, a.choice
			   from public.answers a join resp on resp.id = a.response_id where a.choice is not null
			   union all
			   select distinct a.response_id, a.question_key, a.item, ''
			   from public.answers a join resp on resp.id = a.response_id where a.choice is not null
			 )
			 select g.bk, t.question_key, t.item, t.choice, g.bc, r.district, r.age_group, r.source,
			   r.submitted_on::text as day, count(*)::int as n
			 from groups g join targets t on t.response_id = g.id join resp r on r.id = g.id
			 group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`,
			[survey.surveyId, BREAKDOWNS]
		);
		const rollup = await db.owner.query(
			`select breakdown_key as bk, question_key, item, choice, breakdown_choice as bc, district,
			   age_group, source, submitted_on::text as day, sum(n)::int as n
			 from public.rollup_breakdowns where survey_id = $1
			 group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`,
			[survey.surveyId]
		);
		expect(rollup.rows).toEqual(recounted.rows);
		expect(rollup.rows.length).toBeGreaterThan(100);
		expect(new Set(rollup.rows.map((r: { source: string }) => r.source))).toEqual(
			new Set(['web', 'paper'])
		);
	});
});

describe('cross-tabs by breakdown', () => {
	const today = new Date().toISOString().slice(0, 10);
	const cases: [string, string, BreakdownFilter][] = [
		['stay', 'gender', ALL],
		['likes', 'household', ALL],
		['stay', '#district', ALL],
		['likes', '#age_group', { ...ALL, source: 'paper' }],
		['stay', 'gender', { ...ALL, district: 'north', source: 'web' }],
		['likes', 'gender', { ...ALL, ageGroup: 'old', from: '2000-01-01', to: '2999-12-31' }],
		['stay', 'household', { ...ALL, to: '2000-01-01' }]
	];
	for (const [question, by, filter] of cases) {
		it(`${question} by ${by}, ${JSON.stringify(filter)}: equal to a recount (raw-data rights)`, async () => {
			const read = await as(staff.admin).results.breakdown(
				survey.surveyId,
				{ question, item: '' },
				by,
				filter
			);
			expect(sorted(read)).toEqual(sorted(await recount(question, by, filter)));
		});
	}

	it('gives the totals of the whole survey on the 全体 row, once per response', async () => {
		const read = await as(staff.admin).results.breakdown(
			survey.surveyId,
			{ question: 'likes', item: '' },
			'household',
			{ ...ALL, from: today }
		);
		expect(read.find((c) => c.grp === null && c.choice === null)?.n).toBe(84);
		expect(read.find((c) => c.grp === '' && c.choice === null)?.n).toBeGreaterThan(0);
	});

	it('ignores what it does not know instead of failing', async () => {
		const read = await as(staff.admin).results.breakdown(
			survey.surveyId,
			{ question: 'nope', item: '' },
			'nothing',
			{ ...ALL, source: 'fax' as never }
		);
		expect(read).toEqual([]);
	});

	it('is suppressed for an analyst without raw-data rights, primary and secondary', async () => {
		await db.owner.query('update public.organizations set min_cell_size = 5 where id = $1', [org]);
		for (const [question, by, filter] of cases.slice(0, 5)) {
			const exact = await recount(question, by, filter);
			const groups = [...new Set(exact.filter((c) => c.grp !== null).map((c) => c.grp as string))]
				.sort()
				.concat([null as never]);
			const choices = [
				...new Set(exact.filter((c) => c.choice).map((c) => c.choice as string))
			].sort();
			const cols = [null, ...choices, ''];
			const n = (g: string | null, c: string | null) =>
				exact.find((x) => x.grp === g && x.choice === c)?.n ?? 0;
			const grid = groups.map((g) => cols.map((c) => n(g, c)));
			const hidden = suppress(grid, 5);
			const expected = groups.flatMap((g, r) =>
				cols.map((c, k) => ({ grp: g, choice: c, n: hidden[r][k] ? null : grid[r][k] }))
			);
			const read = await as(staff.analyst).results.breakdown(
				survey.surveyId,
				{ question, item: '' },
				by,
				filter
			);
			expect(sorted(read)).toEqual(sorted(expected));
			if (by === 'gender' && filter.district) expect(read.some((c) => c.n === null)).toBe(true);
		}
	});
});
